using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Hamta.Devices;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Sim.SimCards;
using Hamta.Tickets.Tickets;
using JasperFx.Events;
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
    public const int BatchSize = 1000;

    private sealed record Target(string Module, string Projection, Func<IQuerySession, Guid?, CancellationToken, Task<ProjectionAuditReport>> Run);

    private static readonly IReadOnlyList<Target> Targets =
    [
        new("sim", nameof(SimCard), (session, stream, cancellation) => AuditAsync<SimCard>("sim", session, x => x.Id, stream, cancellation)),
        new("devices", nameof(Device), (session, stream, cancellation) => AuditAsync<Device>("devices", session, x => x.Id, stream, cancellation)),
        new("devices", nameof(Registration), AuditRegistrationsAsync),
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

    /// <summary>
    /// A device is its registration row and its events: every device stream must open with exactly the
    /// events of its registration, so the snapshot replayed from the stream is the device rebuilt from both;
    /// and the IMEIs held in <c>devices.imeis</c> must be exactly each device's IMEIs as it is now.
    /// </summary>
    private static async Task<ProjectionAuditReport> AuditRegistrationsAsync(IQuerySession session, Guid? stream, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var serializer = session.DocumentStore.Options.Serializer();
        var differences = new List<Guid>();
        long replayed = 0;
        var compared = 0;
        var after = Guid.Empty;
        while (true)
        {
            Guid[] ids = stream is { } id
                ? after == Guid.Empty ? [id] : []
                : [.. (await session.QueryAsync<Device>($"where id > ? order by id limit {BatchSize}", cancellation, after)).Select(x => x.Id)];
            if (ids.Length == 0)
            {
                break;
            }

            var registrations = (await Registrations.ByDevicesAsync(session, ids, cancellation)).ToDictionary(x => x.DeviceId);
            var openings = (await session.Events.QueryAllRawEvents()
                    .Where(e => e.StreamId.IsOneOf(ids) && e.Version <= 2)
                    .OrderBy(e => e.StreamId).ThenBy(e => e.Version)
                    .ToListAsync(cancellation))
                .GroupBy(e => e.StreamId)
                .ToDictionary(g => g.Key, g => g.Select(e => serializer.ToJson(e.Data)).ToList());
            foreach (var deviceId in ids.Where(openings.ContainsKey))
            {
                var expected = registrations.GetValueOrDefault(deviceId)?.Events().Select(serializer.ToJson).ToList();
                replayed += expected?.Count ?? 0;
                if (expected is null || !openings[deviceId].Take(expected.Count).SequenceEqual(expected))
                {
                    differences.Add(deviceId);
                }
            }

            compared += ids.Count(openings.ContainsKey);
            after = ids[^1];
        }

        var only = stream is { } one ? $"device_id = '{one}'" : "device_id is not null";
        differences.AddRange(await session.QueryAsync<Guid>(
            $"""
            with held as (
                select r.device_id, unnest(case when d.id is null then r.imeis else array(select jsonb_array_elements_text(d.data->'Imeis')) end) as imei
                from {Registrations.Table} r left join {DevicesModule.Schema}.mt_doc_device d on d.id = r.device_id
                where r.{only})
            select distinct coalesce(h.device_id, i.device_id)
            from held h full join (select * from {Registrations.ImeiTable} where {only}) i
                on i.imei = h.imei and i.device_id = h.device_id
            where h.imei is null or i.imei is null
            """, cancellation));
        return new ProjectionAuditReport("devices", nameof(Registration), replayed, compared, [.. differences.Distinct().Order()], watch.Elapsed);
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

    /// <summary>
    /// Documents are read in id order, a batch at a time, and the events of a whole batch come in one
    /// query; while the next batch is read, workers on every core fold the streams in memory with the
    /// projection's own aggregator and compare. A few round trips per thousand streams instead of two per stream.
    /// </summary>
    private static async Task<ProjectionAuditReport> AuditAsync<T>(
        string module, IQuerySession session, Func<T, Guid> idOf, Guid? stream, CancellationToken cancellation) where T : class
    {
        var watch = Stopwatch.StartNew();
        var aggregator = ((DocumentStore)session.DocumentStore).Options.Projections.AggregatorFor<T>();
        var serializer = session.DocumentStore.Options.Serializer();
        var batches = Channel.CreateBounded<(IReadOnlyList<T> Documents, Dictionary<Guid, List<IEvent>> Events)>(Environment.ProcessorCount);
        var differences = new ConcurrentBag<Guid>();
        long events = 0;
        var compared = 0;

        async Task CompareAsync()
        {
            await using var own = session.DocumentStore.QuerySession();
            await foreach (var (documents, byStream) in batches.Reader.ReadAllAsync(cancellation))
            {
                foreach (var document in documents)
                {
                    var documentId = idOf(document);
                    var streamEvents = byStream.GetValueOrDefault(documentId) ?? [];
                    Interlocked.Add(ref events, streamEvents.Count);
                    var replayed = streamEvents.Count == 0 ? null : await aggregator.BuildAsync(streamEvents, own, null, cancellation);
                    if (replayed is null || serializer.ToJson(replayed) != serializer.ToJson(document))
                    {
                        differences.Add(documentId);
                    }
                }

                Interlocked.Add(ref compared, documents.Count);
            }
        }

        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(CompareAsync, cancellation)).ToList();
        try
        {
            var after = Guid.Empty;
            while (true)
            {
                IReadOnlyList<T> batch = stream is { } id
                    ? after == Guid.Empty && await session.LoadAsync<T>(id, cancellation) is { } one ? [one] : []
                    : await session.QueryAsync<T>($"where id > ? order by id limit {BatchSize}", cancellation, after);
                if (batch.Count == 0)
                {
                    break;
                }

                var ids = batch.Select(idOf).ToArray();
                var byStream = (await session.Events.QueryAllRawEvents()
                        .Where(e => e.StreamId.IsOneOf(ids))
                        .OrderBy(e => e.StreamId).ThenBy(e => e.Version)
                        .ToListAsync(cancellation))
                    .GroupBy(e => e.StreamId)
                    .ToDictionary(g => g.Key, g => g.ToList());
                await batches.Writer.WriteAsync((batch, byStream), cancellation);
                after = ids[^1];
            }
        }
        finally
        {
            batches.Writer.Complete();
        }

        await Task.WhenAll(workers);
        return new ProjectionAuditReport(module, typeof(T).Name, events, compared, [.. differences.Order()], watch.Elapsed);
    }
}
