using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.Kartable;

public static class VerifyKartablePasswordHandler
{
    public static async Task<KartablePasswordCheck> Handle(VerifyKartablePassword query, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<KartablePassword>(query.Sim, cancellation) is { } password
            ? new KartablePasswordCheck(true, password.Matches(query.Password))
            : new KartablePasswordCheck(false, false);
}
