using Hamta.Sim.Contracts;
using JasperFx.Events;
using Marten;
using Wolverine;

namespace Hamta.Sim.SimCards;

/// <summary>A SIM expires once; its devices go to another active SIM of the same national ID (the lowest number), or to nobody.</summary>
public static class ExpireSimCardHandler
{
    public static async Task<(IEventStream<SimCard>?, IReadOnlyList<SimCard>)> LoadAsync(ExpireSimCard command, IDocumentSession session, CancellationToken cancellation)
    {
        if (await session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == command.Number, cancellation) is not { } sim)
        {
            return (null, []);
        }

        var others = await session.Query<SimCard>()
            .Where(x => x.NationalId == sim.NationalId && x.Status == SimCardStatus.Active && x.Id != sim.Id)
            .ToListAsync(cancellation);
        return (await session.Events.FetchForWriting<SimCard>(sim.Id, cancellation), others);
    }

    public static (SimExpiryResult, OutgoingMessages) Handle(ExpireSimCard command, IEventStream<SimCard>? stream, IReadOnlyList<SimCard> others, TimeProvider clock)
    {
        var (result, events, messages) = Decide(command, stream?.Aggregate, others, clock.GetUtcNow());
        stream?.AppendMany(events);
        return (result, messages);
    }

    public static (SimExpiryResult, IReadOnlyList<object>, OutgoingMessages) Decide(
        ExpireSimCard command, SimCard? sim, IReadOnlyList<SimCard> otherSimsOfNationalId, DateTimeOffset now)
    {
        if (sim is null)
        {
            return (new SimExpiryResult(SimExpiryOutcome.UnknownSim), [], []);
        }

        if (sim.Status == SimCardStatus.Expired)
        {
            return (new SimExpiryResult(SimExpiryOutcome.AlreadyExpired), [], []);
        }

        var successor = otherSimsOfNationalId
            .Where(x => x.NationalId == sim.NationalId && x.Status == SimCardStatus.Active && x.Id != sim.Id)
            .Select(x => x.Number)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        return (new SimExpiryResult(SimExpiryOutcome.Expired, successor),
            [new SimCardExpired(sim.Id, sim.Number, sim.NationalId, successor, command.By, now)],
            [new SimExpired(sim.Number, sim.NationalId, successor, now)]);
    }
}
