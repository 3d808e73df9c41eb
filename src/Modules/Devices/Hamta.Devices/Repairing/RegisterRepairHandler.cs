using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Identifiers;
using Marten;
using JasperFx.Events;

namespace Hamta.Devices.Repairing;

public static class RegisterRepairHandler
{
    public static async Task<(IEventStream<Device>?, ImeiClaim?)> LoadAsync(RegisterRepair command, IDocumentSession session, CancellationToken cancellation) =>
        (await DeviceStreams.ForImeiAsync(session, command.OldImei, cancellation), await session.LoadAsync<ImeiClaim>(command.NewImei, cancellation));

    public static RepairResult Handle(RegisterRepair command, IEventStream<Device>? stream, ImeiClaim? newImeiClaim, IDocumentSession session, TimeProvider clock)
    {
        var outcome = Decide(command, stream?.Aggregate, newImeiClaim);
        if (outcome == RepairOutcome.Replaced)
        {
            var device = stream!.Aggregate!;
            stream.AppendOne(new ImeiReplacedAfterRepair(device.Id, command.OldImei, command.NewImei, command.OwnerSim, clock.GetUtcNow()));
            session.Delete<ImeiClaim>(command.OldImei);
            session.Insert(new ImeiClaim(command.NewImei, device.Id));
        }

        return new RepairResult(outcome);
    }

    public static RepairOutcome Decide(RegisterRepair command, Device? device, ImeiClaim? newImeiClaim) => device switch
    {
        null => RepairOutcome.NotYourDevice,
        _ when !device.IsOwnedBy(command.OwnerSim, command.OwnerNationalId) => RepairOutcome.NotYourDevice,
        { Blocked: true } => RepairOutcome.Blocked,
        _ when command.OldImei == command.NewImei => RepairOutcome.SameImei,
        _ when Imei.TacOf(command.OldImei) != Imei.TacOf(command.NewImei) => RepairOutcome.DifferentModel,
        _ when newImeiClaim?.DeviceId == device.Id => RepairOutcome.NewImeiOnSameDevice,
        _ when newImeiClaim is not null => RepairOutcome.NewImeiTaken,
        _ => RepairOutcome.Replaced,
    };
}
