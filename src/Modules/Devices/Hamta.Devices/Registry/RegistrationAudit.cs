using System.Diagnostics;
using Hamta.Kernel.Auditing;
using Marten;

namespace Hamta.Devices.Registry;

/// <summary>
/// A device is its registration row and its events: every device stream must open with exactly the events of its
/// registration, so the snapshot replayed from the stream is the device rebuilt from both; and the IMEIs held in
/// <c>devices.imeis</c> must be exactly each device's IMEIs as it is now.
/// </summary>
public sealed class RegistrationAudit : IReadModelAudit
{
    private const int BatchSize = 1000;

    public string Module => DevicesModule.Schema;

    public async Task<ProjectionAuditReport> RunAsync(IQuerySession session, string? stream, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        Guid? only = stream is null ? null : Guid.TryParse(stream, out var parsed) ? parsed : Guid.Empty;
        var serializer = session.DocumentStore.Options.Serializer();
        var differences = new List<Guid>();
        long replayed = 0;
        var compared = 0;
        var after = Guid.Empty;
        while (true)
        {
            Guid[] ids = only is { } id
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

        var filter = only is { } one ? $"device_id = '{one}'" : "device_id is not null";
        differences.AddRange(await session.QueryAsync<Guid>(
            $"""
            with held as (
                select r.device_id, unnest(case when d.id is null then r.imeis else array(select jsonb_array_elements_text(d.data->'Imeis')) end) as imei
                from {Registrations.Table} r left join {DevicesModule.Schema}.mt_doc_device d on d.id = r.device_id
                where r.{filter})
            select distinct coalesce(h.device_id, i.device_id)
            from held h full join (select * from {Registrations.ImeiTable} where {filter}) i
                on i.imei = h.imei and i.device_id = h.device_id
            where h.imei is null or i.imei is null
            """, cancellation));
        return new ProjectionAuditReport(Module, nameof(Registration), replayed, compared, [.. differences.Distinct().Order().Select(x => x.ToString())], watch.Elapsed);
    }
}
