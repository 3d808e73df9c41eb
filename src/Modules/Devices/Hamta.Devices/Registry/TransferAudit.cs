using System.Diagnostics;
using Hamta.Devices.Contracts;
using Hamta.Kernel.Auditing;
using JasperFx.Events;
using Marten;
using Marten.Events;

namespace Hamta.Devices.Registry;

/// <summary>The transfer history is an event projection: each row must be exactly its transfer event, and every transfer must have its row.</summary>
public sealed class TransferAudit : IReadModelAudit
{
    public string Module => DevicesModule.Schema;

    public async Task<ProjectionAuditReport> RunAsync(IQuerySession session, string? stream, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        Guid? only = stream is null ? null : Guid.TryParse(stream, out var parsed) ? parsed : Guid.Empty;
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(OwnershipTransferred)) && (only == null || e.StreamId == only))
            .ToListAsync(cancellation);
        var stored = (await session.Query<TransferRecord>().Where(x => only == null || x.DeviceId == only).ToListAsync(cancellation))
            .ToDictionary(x => x.Id);
        var serializer = session.DocumentStore.Options.Serializer();
        var differences = events
            .Where(e => !stored.TryGetValue(e.Id, out var row)
                || serializer.ToJson(row) != serializer.ToJson(TransferHistoryProjection.Create((IEvent<OwnershipTransferred>)e)))
            .Select(e => e.Id)
            .Concat(stored.Keys.Except(events.Select(e => e.Id)))
            .Select(x => x.ToString())
            .ToList();
        return new ProjectionAuditReport(Module, nameof(TransferRecord), events.Count, stored.Count, differences, watch.Elapsed);
    }
}
