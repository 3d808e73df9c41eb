using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.SimCards;

public static class CheckSimOwnershipHandler
{
    public static Task<SimCard?> LoadAsync(CheckSimOwnership query, IQuerySession session, CancellationToken cancellation) =>
        session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == query.Number, cancellation);

    public static SimOwnership Handle(CheckSimOwnership query, SimCard? sim) => Decide(query, sim);

    public static SimOwnership Decide(CheckSimOwnership query, SimCard? sim) => sim switch
    {
        null => SimOwnership.UnknownSim,
        _ when sim.NationalId != query.NationalId => SimOwnership.OtherNationalId,
        { Status: not SimCardStatus.Active } => SimOwnership.Expired,
        _ => SimOwnership.Owner,
    };
}
