using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Identifiers;
using Marten;
using Wolverine;

namespace Hamta.Devices.Repairing;

public static class RegisterRepairHandler
{
    public static async Task<(DeviceChange?, Guid?)> LoadAsync(RegisterRepair command, IDocumentSession session, CancellationToken cancellation) =>
        (await DeviceStreams.ForImeiAsync(session, command.OldImei, cancellation), await Registrations.HolderAsync(session, command.NewImei, cancellation));

    public static (RepairResult, OutgoingMessages) Handle(RegisterRepair command, DeviceChange? stream, Guid? newImeiHolder, IDocumentSession session, TimeProvider clock)
    {
        var outcome = Decide(command, stream?.Device, newImeiHolder);
        var messages = new OutgoingMessages();
        if (outcome == RepairOutcome.Replaced)
        {
            var device = stream!.Device;
            var now = clock.GetUtcNow();
            stream.Append(new ImeiReplacedAfterRepair(device.Id, command.OldImei, command.NewImei, command.OwnerSim, now));
            Registrations.Release(session, command.OldImei, device.Id, now);
            Registrations.Claim(session, command.NewImei, device.Id);
            messages.Add(new DeviceRegistrationChanged(device.Id, [command.OldImei, command.NewImei], "repair", now));
        }

        return (new RepairResult(outcome), messages);
    }

    public static RepairOutcome Decide(RegisterRepair command, Device? device, Guid? newImeiHolder) => device switch
    {
        null => RepairOutcome.NotYourDevice,
        _ when !device.IsOwnedBy(command.OwnerSim, command.OwnerNationalId) => RepairOutcome.NotYourDevice,
        { Blocked: true } => RepairOutcome.Blocked,
        _ when command.OldImei == command.NewImei => RepairOutcome.SameImei,
        _ when Imei.TacOf(command.OldImei) != Imei.TacOf(command.NewImei) => RepairOutcome.DifferentModel,
        _ when newImeiHolder == device.Id => RepairOutcome.NewImeiOnSameDevice,
        _ when newImeiHolder is not null => RepairOutcome.NewImeiTaken,
        _ => RepairOutcome.Replaced,
    };
}
