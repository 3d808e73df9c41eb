using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Wolverine;

namespace Hamta.Devices.Blocking;

public static class DeviceBlockHandler
{
    public static Task<DeviceChange?> LoadAsync(BlockDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static (DeviceChangeResult, OutgoingMessages) Handle(BlockDevice command, DeviceChange? stream, TimeProvider clock)
    {
        var (result, events, messages) = Decide(command, stream?.Device, clock.GetUtcNow());
        stream?.Append(events);
        return (result, messages);
    }

    /// <summary>A block by hand is recorded on the device and told to enforcement, which puts its IMEIs on the block list.</summary>
    public static (DeviceChangeResult, IReadOnlyList<object>, OutgoingMessages) Decide(BlockDevice command, Device? device, DateTimeOffset now) =>
        (BlockReasons.Refusal(command.Reason), device, command.Reason.Trim()) switch
        {
            ({ } refused, _, _) => (refused, [], []),
            (_, null, _) => (new DeviceChangeResult(DeviceChangeOutcome.UnknownImei), [], []),
            (_, { Blocked: true }, _) => (new DeviceChangeResult(DeviceChangeOutcome.NothingToChange), [], []),
            (_, { } found, var reason) => (new DeviceChangeResult(DeviceChangeOutcome.Done), [new DeviceBlocked(found.Id, reason, command.By, now)],
                [new DeviceBlockedByHand(found.Id, found.Imeis, reason, command.By, now)]),
        };
}
