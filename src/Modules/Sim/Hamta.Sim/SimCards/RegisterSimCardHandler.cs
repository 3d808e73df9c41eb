using Hamta.Kernel.Identifiers;
using Hamta.Sim.Contracts;
using Marten;
using Wolverine.Marten;

namespace Hamta.Sim.SimCards;

public static class RegisterSimCardHandler
{
    public const int MaxActiveSimsPerNationalId = 10;

    public static async Task<(SimCard?, int)> LoadAsync(RegisterSimCard command, IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == command.Number, cancellation),
         await session.Query<SimCard>().CountAsync(x => x.NationalId == command.NationalId && x.Status == SimCardStatus.Active, cancellation));

    public static (SimCardRegistration, IMartenOp) Handle(RegisterSimCard command, SimCard? existing, int activeSimsOfNationalId, TimeProvider clock) =>
        Decide(command, existing, activeSimsOfNationalId, Guid.CreateVersion7(), clock.GetUtcNow());

    /// <summary>A number belongs to one national ID, which holds at most <see cref="MaxActiveSimsPerNationalId"/> active SIMs.</summary>
    public static (SimCardRegistration, IMartenOp) Decide(RegisterSimCard command, SimCard? existing, int activeSimsOfNationalId, Guid id, DateTimeOffset now)
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

        if (activeSimsOfNationalId >= MaxActiveSimsPerNationalId)
        {
            return (SimCardRegistration.TooManyActiveSims, MartenOps.Nothing());
        }

        var registered = new SimCardRegistered(id, command.Number, command.NationalId, command.HolderName, command.Operator, now);
        return (SimCardRegistration.Registered, MartenOps.StartStream<SimCard>(id, registered));
    }
}
