using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using JasperFx.Events;
using Marten;

namespace Hamta.Devices.Blocking;

public static class DeviceBlockHandler
{
    public static Task<IEventStream<Device>?> LoadAsync(BlockDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static DeviceChangeResult Handle(BlockDevice command, IEventStream<Device>? stream, TimeProvider clock) => stream?.Aggregate switch
    {
        null => new DeviceChangeResult(DeviceChangeOutcome.UnknownImei),
        { Blocked: true } => new DeviceChangeResult(DeviceChangeOutcome.NothingToChange),
        var device => Append(stream, new DeviceBlocked(device.Id, command.Reason, command.By, clock.GetUtcNow())),
    };

    private static DeviceChangeResult Append(IEventStream<Device> stream, object change)
    {
        stream.AppendOne(change);
        return new DeviceChangeResult(DeviceChangeOutcome.Done);
    }
}
