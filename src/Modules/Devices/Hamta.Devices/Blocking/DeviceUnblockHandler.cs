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

    public static (DeviceChangeResult, IReadOnlyList<object>, OutgoingMessages) Decide(UnblockDevice command, Device? device, DateTimeOffset now) => device switch
    {
        null => (new DeviceChangeResult(DeviceChangeOutcome.UnknownImei), [], []),
        { Blocked: false } => (new DeviceChangeResult(DeviceChangeOutcome.NothingToChange), [], []),
        _ => (new DeviceChangeResult(DeviceChangeOutcome.Done), [new DeviceUnblocked(device.Id, command.By, now, command.Reason)],
            [new DeviceUnblockedByHand(device.Id, device.Imeis, command.Reason, command.By, now)]),
    };
}
