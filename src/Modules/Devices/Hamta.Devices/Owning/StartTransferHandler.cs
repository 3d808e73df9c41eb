using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Security;
using Marten;
using JasperFx.Events;

namespace Hamta.Devices.Owning;

public static class StartTransferHandler
{
    public static Task<IEventStream<Device>?> LoadAsync(StartTransfer command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static TransferStartResult Handle(StartTransfer command, IEventStream<Device>? stream, TimeProvider clock)
    {
        var device = stream?.Aggregate;
        if (device is null || !device.IsOwnedBy(command.OwnerSim, command.OwnerNationalId))
        {
            return new TransferStartResult(TransferOutcome.NotYourDevice);
        }

        if (device.Blocked)
        {
            return new TransferStartResult(TransferOutcome.Blocked);
        }

        var code = OneTimeCode.New();
        stream!.AppendOne(new TransferStarted(device.Id, command.OwnerSim, ActivationCodes.Hash(device.Id, code), clock.GetUtcNow()));
        return new TransferStartResult(TransferOutcome.Started, code);
    }
}
