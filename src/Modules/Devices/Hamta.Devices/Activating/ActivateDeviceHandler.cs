using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Security;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Hamta.Devices.Activating;

public static class ActivateDeviceHandler
{
    public static Task<DeviceChange?> LoadAsync(ActivateDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static (ActivationResult, OutgoingMessages) Handle(ActivateDevice command, DeviceChange? stream, TimeProvider clock, IOptions<LockoutSettings> lockouts)
    {
        var now = clock.GetUtcNow();
        var (result, events) = Decide(command, stream?.Device, now, lockouts.Value);
        stream?.Append(events);
        OutgoingMessages messages = command.Notify && stream is not null ? [.. Notices(stream.Device, events)] : [];
        if (result.Outcome is ActivationOutcome.Activated or ActivationOutcome.Transferred)
        {
            messages.Add(new DeviceRegistrationChanged(stream!.Device.Id, stream.Device.Imeis, result.Outcome == ActivationOutcome.Activated ? "activation" : "transfer", now));
        }

        return (result, messages);
    }

    /// <summary>The new owner is told of an activation; a transfer is told to both sides.</summary>
    public static IEnumerable<SendSms> Notices(Device device, IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case DeviceActivated activated:
                    yield return new SendSms(activated.OwnerSim, DevicesTexts.ActivatedSms(device.Imeis[0]), SmsKind.Notice);
                    break;
                case OwnershipTransferred transferred:
                    yield return new SendSms(transferred.FromSim, DevicesTexts.TransferCompletedToSellerSms(transferred.Imeis[0], transferred.ToSim), SmsKind.Notice);
                    yield return new SendSms(transferred.ToSim, DevicesTexts.TransferCompletedToBuyerSms(transferred.Imeis[0]), SmsKind.Notice);
                    break;
            }
        }
    }

    /// <summary>
    /// Wrong codes lock the SIM that typed them, with a back-off, and never another SIM, so a guesser cannot keep
    /// the buyer out; a ceiling per device over all SIMs stops guessing spread over many SIMs.
    /// </summary>
    public static (ActivationResult, IReadOnlyList<object>) Decide(ActivateDevice command, Device? device, DateTimeOffset now, LockoutSettings lockouts)
    {
        if (!ActivationCodes.IsWellFormed(command.Code))
        {
            return (new ActivationResult(ActivationOutcome.MalformedCode), []);
        }

        if (device is null)
        {
            return (new ActivationResult(ActivationOutcome.UnknownImei), []);
        }

        if (device.Blocked)
        {
            return (new ActivationResult(ActivationOutcome.Blocked), []);
        }

        if (device.LostCase is not null)
        {
            return (new ActivationResult(ActivationOutcome.LostOrStolen), []);
        }

        if (device.ActivationLockLeft(command.Sim, now) is var lockLeft && lockLeft > TimeSpan.Zero)
        {
            return (new ActivationResult(ActivationOutcome.CoolingDown, Lockout.MinutesOf(lockLeft)), []);
        }

        if (device.DeviceActivationLockLeft(lockouts.ActivationWrongCodesPerDevicePerHour, now) is var deviceLockLeft && deviceLockLeft > TimeSpan.Zero)
        {
            return (new ActivationResult(ActivationOutcome.DeviceCoolingDown, Lockout.MinutesOf(deviceLockLeft)), []);
        }

        if (device.IsOwnedBy(command.Sim, command.NationalId))
        {
            return (new ActivationResult(ActivationOutcome.AlreadyOwned), []);
        }

        if (device.AwaitsCustomsFee)
        {
            return (new ActivationResult(ActivationOutcome.CustomsFeeNotPaid), []);
        }

        if (device.ActivationCodeHashAt(now) is not { } codeHash)
        {
            return (new ActivationResult(EndedTransferCode(device, command.Code, now) ?? ActivationOutcome.NoActiveCode), []);
        }

        if (!ActivationCodes.Matches(codeHash, device.Id, command.Code))
        {
            if (EndedTransferCode(device, command.Code, now) is { } ended)
            {
                return (new ActivationResult(ended), []);
            }

            var lockedUntil = device.ActivationLockoutOf(command.Sim).LockAfterFailure(lockouts.ActivationPerSim, now);
            return (lockedUntil is { } until
                ? new ActivationResult(ActivationOutcome.CoolingDown, Lockout.MinutesOf(until - now))
                : new ActivationResult(ActivationOutcome.WrongCode), [new ActivationCodeRejected(device.Id, command.Sim, now, lockedUntil)]);
        }

        return device.OwnerSim is null
            ? (new ActivationResult(ActivationOutcome.Activated), [new DeviceActivated(device.Id, command.Sim, command.NationalId, now)])
            : (new ActivationResult(ActivationOutcome.Transferred),
                [new OwnershipTransferred(device.Id, device.Imeis, device.OwnerSim, device.OwnerNationalId!, command.Sim, command.NationalId, now)]);
    }

    /// <summary>A code of a transfer the seller cancelled or replaced, or that expired, is named as such instead of wrong.</summary>
    private static ActivationOutcome? EndedTransferCode(Device device, string code, DateTimeOffset now) =>
        device.Transfer is { } pending && pending.HasExpired(now) && ActivationCodes.Matches(device.ActivationCodeHash, device.Id, code)
            ? ActivationOutcome.TransferExpired
            : device.LastCancelledTransfer is { } cancelled && ActivationCodes.Matches(cancelled.CodeHash, device.Id, code)
                ? ActivationOutcome.TransferCancelled
                : null;
}
