using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Wolverine;

namespace Hamta.Devices.Blocking;

public static class DeviceUnblockHandler
{
    public static Task<DeviceChange?> LoadAsync(UnblockDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static (DeviceChangeResult, OutgoingMessages) Handle(UnblockDevice command, DeviceChange? stream, TimeProvider clock)
    {
        var (result, events, messages) = Decide(command, stream?.Device, clock.GetUtcNow());
        stream?.Append(events);
        return (result, messages);
    }

    public static (DeviceChangeResult, IReadOnlyList<object>, OutgoingMessages) Decide(UnblockDevice command, Device? device, DateTimeOffset now) =>
        (BlockReasons.Refusal(command.Reason), device, command.Reason.Trim()) switch
        {
            ({ } refused, _, _) => (refused, [], []),
            (_, null, _) => (new DeviceChangeResult(DeviceChangeOutcome.UnknownImei), [], []),
            (_, { Blocked: false }, _) => (new DeviceChangeResult(DeviceChangeOutcome.NothingToChange), [], []),
            (_, { } found, var reason) => (new DeviceChangeResult(DeviceChangeOutcome.Done), [new DeviceUnblocked(found.Id, command.By, now, reason)],
                [new DeviceUnblockedByHand(found.Id, found.Imeis, reason, command.By, now)]),
        };
}
