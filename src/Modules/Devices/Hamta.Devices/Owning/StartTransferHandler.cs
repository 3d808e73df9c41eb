using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Security;
using Marten;

namespace Hamta.Devices.Owning;

public static class StartTransferHandler
{
    public static Task<DeviceChange?> LoadAsync(StartTransfer command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static TransferStartResult Handle(StartTransfer command, DeviceChange? stream, TimeProvider clock)
    {
        var device = stream?.Device;
        if (device is null || !device.IsOwnedBy(command.OwnerSim, command.OwnerNationalId))
        {
            return new TransferStartResult(TransferOutcome.NotYourDevice);
        }

        if (device.Blocked)
        {
            return new TransferStartResult(TransferOutcome.Blocked);
        }

        if (device.LostCase is not null)
        {
            return new TransferStartResult(TransferOutcome.LostOrStolen);
        }

        var code = OneTimeCode.New();
        stream!.Append(new TransferStarted(device.Id, command.OwnerSim, ActivationCodes.Hash(device.Id, code), clock.GetUtcNow()));
        return new TransferStartResult(TransferOutcome.Started, code);
    }
}
