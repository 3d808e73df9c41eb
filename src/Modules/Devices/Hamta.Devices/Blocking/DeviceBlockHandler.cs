using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;

namespace Hamta.Devices.Blocking;

public static class DeviceBlockHandler
{
    public static Task<DeviceChange?> LoadAsync(BlockDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static DeviceChangeResult Handle(BlockDevice command, DeviceChange? stream, TimeProvider clock) => stream?.Device switch
    {
        null => new DeviceChangeResult(DeviceChangeOutcome.UnknownImei),
        { Blocked: true } => new DeviceChangeResult(DeviceChangeOutcome.NothingToChange),
        var device => Append(stream, new DeviceBlocked(device.Id, command.Reason, command.By, clock.GetUtcNow())),
    };

    private static DeviceChangeResult Append(DeviceChange stream, object change)
    {
        stream.Append(change);
        return new DeviceChangeResult(DeviceChangeOutcome.Done);
    }
}
