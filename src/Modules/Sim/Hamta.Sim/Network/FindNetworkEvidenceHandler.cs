using Hamta.Sim.Contracts;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Hamta.Sim.Network;

/// <summary>
/// Answers a batch of evidence requests (a ticket opened, or the sweep's batch of waiting tickets) with one join
/// of the requested IMEIs and the sightings, and watches for those IMEIs from now on (ADR 18).
/// </summary>
public static class FindNetworkEvidenceHandler
{
    private const string Sql = $"""
        with requested as (
          select * from unnest(@request::uuid[], @imei::text[], @sim::text[], @national_id::text[]) as r(request_id, imei, sim, national_id)),
        watched as (
          insert into {SightingsStorage.Watches} (request_id, imei, sim, national_id, refreshed_at)
            select distinct on (request_id, imei) request_id, imei, sim, national_id, @now from requested
            on conflict (request_id, imei) do update set sim = excluded.sim, national_id = excluded.national_id, refreshed_at = excluded.refreshed_at)
        select distinct on (r.request_id, r.imei) r.request_id, r.imei, s.msisdn, s.observed_at, s.operator
          from requested r join {SightingsStorage.Table} s on s.imei = r.imei and (s.msisdn = r.sim or s.national_id = r.national_id)
          where s.imei_valid
          order by r.request_id, r.imei, s.observed_at desc
        """;

    public static async Task<NetworkEvidenceFound> Handle(FindNetworkEvidence query, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var rows = query.Requests.SelectMany(r => r.Imeis.Select(imei => (Request: r, Imei: imei))).ToList();
        if (rows.Count == 0)
        {
            return new NetworkEvidenceFound([]);
        }

        await session.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand(Sql, session.Connection);
        command.Parameters.Add(new NpgsqlParameter("request", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Select(r => r.Request.RequestId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("imei", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Imei).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("sim", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Request.Sim).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("national_id", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Request.NationalId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("now", clock.GetUtcNow()));

        var found = new List<EvidenceSighting>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            found.Add(new EvidenceSighting(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }

        SightingsWriter.CommitOnSave(session);
        return new NetworkEvidenceFound(found);
    }
}
