using Hamta.Kernel.Auditing;
using Marten;

namespace Hamta.Sim.SimCards;

/// <summary>A SIM number's stream on the history page.</summary>
public sealed class SimCardHistory : IHistorySource
{
    public HistoryKind Kind => HistoryKind.Sim;

    public string Source => SimModule.Schema;

    public async Task<StreamHistoryView?> FindAsync(IQuerySession session, string key, long? version, CancellationToken cancellation) =>
        await session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == key, cancellation) is { } sim
            ? await EventStreamHistory.ViewAsync<SimCard>(session, Source, sim.Id, version, cancellation)
            : null;
}
