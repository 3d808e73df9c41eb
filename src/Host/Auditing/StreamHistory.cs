using Hamta.Kernel.Auditing;
using Marten;

namespace Hamta.Host.Auditing;

/// <summary>
/// Finds what the modules keep behind an IMEI, a SIM number or a ticket number (each registers its
/// <see cref="IHistorySource"/>s), with the state after a chosen version of the history named <c>source</c>.
/// </summary>
public sealed class StreamHistory(IDocumentStore store, IEnumerable<IHistorySource> sources)
{
    public async Task<IReadOnlyList<StreamHistoryView>> FindAsync(HistoryKind kind, string key, string? source, long? version, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var views = new List<StreamHistoryView>();
        foreach (var history in sources.Where(s => s.Kind == kind))
        {
            var chosen = source is null ? views.Count == 0 : history.Source == source;
            if (await history.FindAsync(session, key, chosen ? version : null, cancellation) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }
}
