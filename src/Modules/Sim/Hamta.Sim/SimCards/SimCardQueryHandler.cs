using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.SimCards;

public static class SimCardQueryHandler
{
    public static async Task<SimCardInfo?> Handle(FindSimCard query, IQuerySession session, CancellationToken cancellation) =>
        await session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == query.Number, cancellation) is { } sim ? Info(sim) : null;

    public static async Task<IReadOnlyList<SimCardInfo>> Handle(FindSimCardsOf query, IQuerySession session, CancellationToken cancellation)
    {
        var sims = await session.Query<SimCard>().Where(x => x.NationalId == query.NationalId).OrderBy(x => x.Number).ToListAsync(cancellation);
        return sims.Select(Info).ToList();
    }

    private static SimCardInfo Info(SimCard sim) => new(sim.Number, sim.NationalId, sim.HolderName, sim.Operator, sim.Status == SimCardStatus.Active);
}
