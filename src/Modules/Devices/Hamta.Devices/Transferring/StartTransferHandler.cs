using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Security;
using Marten;
using Wolverine;

namespace Hamta.Devices.Transferring;

public static class StartTransferHandler
{
    /// <summary>How long the buyer has to activate with a transfer code.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(3);

    public static Task<DeviceChange?> LoadAsync(StartTransfer command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static (TransferStartResult, OutgoingMessages) Handle(StartTransfer command, DeviceChange? stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var (result, events, sms) = Decide(command, stream?.Device, Guid.CreateVersion7(now), OneTimeCode.New(), now);
        stream?.Append(events);
        return (result, [.. sms]);
    }

    /// <summary>
    /// A new code replaces a pending one, whose buyer (when named) is told that it no longer works; the seller and the
    /// named buyer are told that the transfer started and until when its code works.
    /// </summary>
    public static (TransferStartResult, IReadOnlyList<object>, IReadOnlyList<SendSms>) Decide(
        StartTransfer command, Device? device, Guid transferId, string code, DateTimeOffset now)
    {
        if (device is null || !device.IsOwnedBy(command.OwnerSim, command.OwnerNationalId))
        {
            return (new TransferStartResult(TransferOutcome.NotYourDevice), [], []);
        }

        if (device.Blocked)
        {
            return (new TransferStartResult(TransferOutcome.Blocked), [], []);
        }

        if (device.LostCase is not null)
        {
            return (new TransferStartResult(TransferOutcome.LostOrStolen), [], []);
        }

        var imei = device.Imeis[0];
        var events = new List<object>();
        var sms = new List<SendSms>();
        if (device.Transfer is { } pending)
        {
            events.Add(new TransferCancelled(device.Id, pending.Id, pending.FromSim, TransferEnd.Replaced, now));
            if (pending.BuyerSim is { } previousBuyer && previousBuyer != command.BuyerSim)
            {
                sms.Add(new SendSms(previousBuyer, DevicesTexts.TransferCancelledToBuyerSms(imei), SmsKind.Notice));
            }
        }

        var expiresAt = now + CodeLifetime;
        events.Add(new TransferStarted(device.Id, command.OwnerSim, ActivationCodes.Hash(device.Id, code), now, transferId, expiresAt, command.BuyerSim));
        sms.Add(new SendSms(command.OwnerSim, DevicesTexts.TransferStartedToSellerSms(imei, expiresAt), SmsKind.Notice));
        if (command.BuyerSim is { } buyer)
        {
            sms.Add(new SendSms(buyer, DevicesTexts.TransferStartedToBuyerSms(imei, command.OwnerSim, expiresAt), SmsKind.Notice));
        }

        return (new TransferStartResult(TransferOutcome.Started, code, expiresAt), events, sms);
    }
}
