using Hamta.Kernel.Identifiers;
using Hamta.Sim.Contracts;
using Marten;
using Wolverine.Marten;

namespace Hamta.Sim.SimCards;

public static class RegisterSimCardHandler
{
    public static Task<SimCard?> LoadAsync(RegisterSimCard command, IQuerySession session, CancellationToken cancellation) =>
        session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == command.Number, cancellation);

    public static (SimCardRegistration, IMartenOp) Handle(RegisterSimCard command, SimCard? existing, TimeProvider clock)
    {
        if (!MobileNumber.TryNormalize(command.Number, out var number) || number != command.Number || !NationalId.IsValid(command.NationalId))
        {
            return (SimCardRegistration.InvalidInput, MartenOps.Nothing());
        }

        if (existing is not null)
        {
            return existing.NationalId == command.NationalId
                ? (SimCardRegistration.AlreadyRegistered, MartenOps.Nothing())
                : (SimCardRegistration.NumberTakenByAnotherNationalId, MartenOps.Nothing());
        }

        var id = Guid.CreateVersion7();
        var registered = new SimCardRegistered(id, command.Number, command.NationalId, command.HolderName, command.Operator, clock.GetUtcNow());
        return (SimCardRegistration.Registered, MartenOps.StartStream<SimCard>(id, registered));
    }
}
