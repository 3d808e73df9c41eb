using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;

namespace Hamta.Devices.Blocking;

public static class DeviceUnblockHandler
{
    public static Task<DeviceChange?> LoadAsync(UnblockDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static DeviceChangeResult Handle(UnblockDevice command, DeviceChange? stream, TimeProvider clock)
    {
        if (stream?.Device is not { } device)
        {
            return new DeviceChangeResult(DeviceChangeOutcome.UnknownImei);
        }

        if (!device.Blocked)
        {
            return new DeviceChangeResult(DeviceChangeOutcome.NothingToChange);
        }

        stream.Append(new DeviceUnblocked(device.Id, command.By, clock.GetUtcNow()));
        return new DeviceChangeResult(DeviceChangeOutcome.Done);
    }
}
