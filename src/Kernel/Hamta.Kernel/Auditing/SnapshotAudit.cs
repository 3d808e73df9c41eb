using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using JasperFx.Events;
using Marten;

namespace Hamta.Kernel.Auditing;

/// <summary>
/// Proves a snapshot read model: every stored document is compared, as JSON, with its stream replayed in memory by the
/// projection's own aggregator. Documents are read in id order, a batch at a time, and the events of a whole batch come
/// in one query; while the next batch is read, workers on every core fold the streams and compare. A few round trips
/// per thousand streams instead of two per stream.
/// </summary>
public sealed class SnapshotAudit<T>(string module, Func<T, Guid> idOf) : IReadModelAudit where T : class
{
    public const int BatchSize = 1000;

    public string Module => module;

    public async Task<ProjectionAuditReport> RunAsync(IQuerySession session, string? stream, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        Guid? only = stream is null ? null : Guid.TryParse(stream, out var parsed) ? parsed : Guid.Empty;
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
                IReadOnlyList<T> batch = only is { } id
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
        return new ProjectionAuditReport(module, typeof(T).Name, events, compared, [.. differences.Order().Select(x => x.ToString())], watch.Elapsed);
    }
}
