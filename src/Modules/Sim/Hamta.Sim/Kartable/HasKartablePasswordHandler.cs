using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.Kartable;

public static class HasKartablePasswordHandler
{
    public static async Task<bool> Handle(HasKartablePassword query, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<KartablePassword>(query.Sim, cancellation) is not null;
}
