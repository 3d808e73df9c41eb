using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;

namespace Hamta.Devices.Owning;

public static class ActivateDeviceHandler
{
    public static Task<DeviceChange?> LoadAsync(ActivateDevice command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static ActivationResult Handle(ActivateDevice command, DeviceChange? stream, TimeProvider clock)
    {
        var (result, events) = Decide(command, stream?.Device, clock.GetUtcNow());
        stream?.Append(events);
        return result;
    }

    public static (ActivationResult, IReadOnlyList<object>) Decide(ActivateDevice command, Device? device, DateTimeOffset now)
    {
        if (device is null)
        {
            return (new ActivationResult(ActivationOutcome.UnknownImei), []);
        }

        if (device.Blocked)
        {
            return (new ActivationResult(ActivationOutcome.Blocked), []);
        }

        if (device.ActivationLockLeft(command.Sim, now) is var lockLeft && lockLeft > TimeSpan.Zero)
        {
            return (new ActivationResult(ActivationOutcome.CoolingDown, (int)Math.Ceiling(lockLeft.TotalMinutes)), []);
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
            var rejected = new ActivationCodeRejected(device.Id, command.Sim, now);
            var locked = device.Apply(rejected).ActivationLockLeft(command.Sim, now);
            return (locked > TimeSpan.Zero
                ? new ActivationResult(ActivationOutcome.CoolingDown, (int)Math.Ceiling(locked.TotalMinutes))
                : new ActivationResult(ActivationOutcome.WrongCode), [rejected]);
        }

        return device.OwnerSim is null
            ? (new ActivationResult(ActivationOutcome.Activated), [new DeviceActivated(device.Id, command.Sim, command.NationalId, now)])
            : (new ActivationResult(ActivationOutcome.Transferred),
                [new OwnershipTransferred(device.Id, device.Imeis, device.OwnerSim, device.OwnerNationalId!, command.Sim, command.NationalId, now)]);
    }
}
