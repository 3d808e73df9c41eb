using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Marten;
using Wolverine;

namespace Hamta.Devices.Transferring;

public static class CancelTransferHandler
{
    public static Task<DeviceChange?> LoadAsync(CancelTransfer command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForDeviceAsync(session, command.DeviceId, cancellation);

    public static (TransferCancelResult, OutgoingMessages) Handle(CancelTransfer command, DeviceChange? stream, TimeProvider clock)
    {
        var (result, events, sms) = Decide(command, stream?.Device, clock.GetUtcNow());
        stream?.Append(events);
        return (result, [.. sms]);
    }

    /// <summary>
    /// Only the owner SIM that holds the device cancels its pending transfer; a transfer cancelled already is answered
    /// as cancelled again, with nothing done twice. The seller and the named buyer are told.
    /// </summary>
    public static (TransferCancelResult, IReadOnlyList<object>, IReadOnlyList<SendSms>) Decide(CancelTransfer command, Device? device, DateTimeOffset now)
    {
        if (device is null)
        {
            return (new TransferCancelResult(TransferCancelOutcome.NotFound), [], []);
        }

        if (!device.IsOwnedBy(command.OwnerSim, command.OwnerNationalId))
        {
            var handedOver = device.LastOwnerSim == command.OwnerSim;
            return (new TransferCancelResult(handedOver ? TransferCancelOutcome.AlreadyCompleted : TransferCancelOutcome.NotFound), [], []);
        }

        if (device.LastCancelledTransfer is { End: TransferEnd.Cancelled } cancelled && cancelled.Id == command.TransferId)
        {
            return (new TransferCancelResult(TransferCancelOutcome.Cancelled), [], []);
        }

        if (device.Transfer is not { } pending || pending.Id != command.TransferId)
        {
            return (new TransferCancelResult(TransferCancelOutcome.NotFound), [], []);
        }

        if (pending.HasExpired(now))
        {
            return (new TransferCancelResult(TransferCancelOutcome.AlreadyExpired), [], []);
        }

        var imei = device.Imeis[0];
        List<SendSms> sms = [new(pending.FromSim, DevicesTexts.TransferCancelledToSellerSms(imei), SmsKind.Notice)];
        if (pending.BuyerSim is { } buyer)
        {
            sms.Add(new SendSms(buyer, DevicesTexts.TransferCancelledToBuyerSms(imei), SmsKind.Notice));
        }

        return (new TransferCancelResult(TransferCancelOutcome.Cancelled), [new TransferCancelled(device.Id, pending.Id, pending.FromSim, TransferEnd.Cancelled, now)], sms);
    }
}
