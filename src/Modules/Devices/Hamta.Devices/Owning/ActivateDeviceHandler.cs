using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Security;
using Marten;
using Microsoft.Extensions.Options;

namespace Hamta.Devices.Owning;

public static class ActivateDeviceHandler
{
    public static Task<DeviceChange?> LoadAsync(ActivateDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static ActivationResult Handle(ActivateDevice command, DeviceChange? stream, TimeProvider clock, IOptions<LockoutSettings> lockouts)
    {
        var (result, events) = Decide(command, stream?.Device, clock.GetUtcNow(), lockouts.Value);
        stream?.Append(events);
        return result;
    }

    /// <summary>
    /// Wrong codes lock the SIM that typed them, with a back-off, and never another SIM, so a guesser cannot keep
    /// the buyer out; a ceiling per device over all SIMs stops guessing spread over many SIMs.
    /// </summary>
    public static (ActivationResult, IReadOnlyList<object>) Decide(ActivateDevice command, Device? device, DateTimeOffset now, LockoutSettings lockouts)
    {
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

        if (device.ActivationCodeHash is null)
        {
            return (new ActivationResult(ActivationOutcome.NoActiveCode), []);
        }

        if (!ActivationCodes.Matches(device.ActivationCodeHash, device.Id, command.Code))
        {
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
}
