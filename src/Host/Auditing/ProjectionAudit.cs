using System.Diagnostics;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Sim.SimCards;
using Hamta.Tickets.Tickets;
using Marten;
using Marten.Events;

namespace Hamta.Host.Auditing;

/// <summary>What the audit found for one read model.</summary>
public sealed record ProjectionAuditReport(string Module, string Projection, long EventsReplayed, int DocumentsCompared, IReadOnlyList<Guid> Differences, TimeSpan Took);

/// <summary>
/// Proves the read models from the event store: every stored snapshot is compared, as JSON, with the
/// same aggregate replayed from its events in memory. The live read models are only read.
/// </summary>
public sealed class ProjectionAudit(IDocumentStore store)
{
    private sealed record Target(string Module, string Projection, Func<IQuerySession, Guid?, CancellationToken, Task<ProjectionAuditReport>> Run);

    private static readonly IReadOnlyList<Target> Targets =
    [
        new("sim", nameof(SimCard), (session, stream, cancellation) => AuditAsync<SimCard>("sim", session, x => x.Id, stream, cancellation)),
        new("devices", nameof(Device), (session, stream, cancellation) => AuditAsync<Device>("devices", session, x => x.Id, stream, cancellation)),
        new("devices", nameof(TransferRecord), AuditTransfersAsync),
        new("tickets", nameof(Ticket), (session, stream, cancellation) => AuditAsync<Ticket>("tickets", session, x => x.Id, stream, cancellation)),
    ];

    public static IEnumerable<string> Modules => Targets.Select(t => t.Module).Distinct();

    public async Task<IReadOnlyList<ProjectionAuditReport>> RunAsync(string? module, Guid? stream, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var reports = new List<ProjectionAuditReport>();
        foreach (var target in Targets.Where(t => module is null || string.Equals(t.Module, module, StringComparison.OrdinalIgnoreCase)))
        {
            reports.Add(await target.Run(session, stream, cancellation));
        }

        return reports;
    }

    /// <summary>The transfer history is an event projection: each row must be exactly its transfer event, and every transfer must have its row.</summary>
    private static async Task<ProjectionAuditReport> AuditTransfersAsync(IQuerySession session, Guid? stream, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(OwnershipTransferred)) && (stream == null || e.StreamId == stream))
            .ToListAsync(cancellation);
        var stored = (await session.Query<TransferRecord>().Where(x => stream == null || x.DeviceId == stream).ToListAsync(cancellation))
            .ToDictionary(x => x.Id);
        var serializer = session.DocumentStore.Options.Serializer();
        var differences = events
            .Where(e => !stored.TryGetValue(e.Id, out var row)
                || serializer.ToJson(row) != serializer.ToJson(TransferHistoryProjection.Create((JasperFx.Events.IEvent<OwnershipTransferred>)e)))
            .Select(e => e.Id)
            .Concat(stored.Keys.Except(events.Select(e => e.Id)))
            .ToList();
        return new ProjectionAuditReport("devices", nameof(TransferRecord), events.Count, stored.Count, differences, watch.Elapsed);
    }

    private static async Task<ProjectionAuditReport> AuditAsync<T>(
        string module, IQuerySession session, Func<T, Guid> idOf, Guid? stream, CancellationToken cancellation) where T : class
    {
        var watch = Stopwatch.StartNew();
        var stored = stream is { } id
            ? (await session.LoadAsync<T>(id, cancellation)) is { } one ? [one] : []
            : await session.Query<T>().ToListAsync(cancellation);
        var serializer = session.DocumentStore.Options.Serializer();
        var differences = new List<Guid>();
        long events = 0;
        foreach (var document in stored)
        {
            var documentId = idOf(document);
            var state = await session.Events.FetchStreamStateAsync(documentId, cancellation);
            events += state?.Version ?? 0;
            var replayed = await session.Events.AggregateStreamAsync<T>(documentId, token: cancellation);
            if (replayed is null || serializer.ToJson(replayed) != serializer.ToJson(document))
            {
                differences.Add(documentId);
            }
        }

        return new ProjectionAuditReport(module, typeof(T).Name, events, stored.Count, differences, watch.Elapsed);
    }
}
