using Hamta.Devices.Contracts;
using Hamta.Sim.Contracts;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Hamta.Sim.Network;

/// <summary>What one stored batch caused: which of its sightings were new, and the few that matter to another module.</summary>
public sealed record StoredSightings(IReadOnlySet<int> Inserted, IReadOnlyList<FirstSighting> FirstSeen, IReadOnlyList<EvidenceSighting> Evidence)
{
    /// <summary>The most IMEIs one message carries: a dump's first sightings are split.</summary>
    public const int MaxPerMessage = 10_000;

    /// <summary>The messages the batch gives other modules: the IMEIs seen for the first time, in chunks, and one for the evidence.</summary>
    public IEnumerable<object> Messages()
    {
        foreach (var chunk in FirstSeen.Chunk(MaxPerMessage))
        {
            yield return new ImeisFirstSeenOnNetwork(chunk);
        }

        if (Evidence.Count > 0)
        {
            yield return new NetworkEvidenceFound(Evidence);
        }
    }
}

/// <summary>
/// Writes a batch of sightings with one statement (ADR 18): the rows go in through <c>unnest</c> with
/// <c>on conflict do nothing</c>, each takes the national ID that owns its SIM now (none for an unknown SIM),
/// and the same statement finds the registered IMEIs seen for the first time and the sightings that waiting tickets watch for.
/// </summary>
public static class SightingsWriter
{
    /// <summary>A watch not refreshed by the sweep for this long belongs to a ticket that no longer waits.</summary>
    public static readonly TimeSpan WatchLifetime = TimeSpan.FromDays(1);

    private static readonly string BatchSql = StoreAndReact(
        """
        select * from unnest(@imei::text[], @valid::boolean[], @imsi::text[], @msisdn::text[], @observed::timestamptz[])
          with ordinality as t(imei, imei_valid, imsi, msisdn, observed_at, n)
        """,
        "select 0 kind, i.n, null::text imei, null::text msisdn, null::text national_id, null::timestamptz at, null::uuid request_id from input i "
        + "join inserted s on s.imei = i.imei and s.imsi = i.imsi and s.msisdn = i.msisdn and s.observed_at = i.observed_at");

    /// <summary>
    /// The statement that stores the rows of <paramref name="input"/> (columns imei, imei_valid, imsi, msisdn,
    /// observed_at) and answers with <paramref name="stored"/> (kind 0), the first sightings of registered IMEIs (kind 1)
    /// and the evidence watched for (kind 2). Only a registered IMEI is a device whose first sighting the Devices module
    /// records, so only registered IMEIs are kept in the first sightings: most of a day's new IMEIs are unregistered, and
    /// keeping each of them was a second keyed insert per row (a third of the statement). An IMEI seen before it was
    /// registered gets its first sighting the next time it is seen, dated by its earliest stored sighting.
    /// </summary>
    public static string StoreAndReact(string input, string stored) => $"""
        with input as ({input}),
        inserted as (
          insert into {SightingsStorage.Table} (imei, imei_valid, imsi, msisdn, national_id, operator, observed_at, received_at)
            select i.imei, i.imei_valid, i.imsi, i.msisdn, c.data ->> 'NationalId', @operator, i.observed_at, @now
            from input i left join {SimModule.Schema}.mt_doc_simcard c on c.data ->> 'Number' = i.msisdn
            on conflict do nothing
            returning imei, imei_valid, imsi, msisdn, national_id, observed_at),
        earliest as (
          select distinct on (imei) imei, msisdn, national_id, observed_at from inserted where imei_valid order by imei, observed_at),
        registered as (
          select e.imei, e.msisdn, e.national_id,
                 least(e.observed_at, (select min(s.observed_at) from {SightingsStorage.Table} s where s.imei = e.imei)) as seen_at
            from earliest e
            where exists (select from {RegisteredImeisView.Name} r where r.imei = e.imei)
              and not exists (select from {SightingsStorage.FirstSightings} f where f.imei = e.imei)),
        firsts as (
          insert into {SightingsStorage.FirstSightings} (imei, seen_at) select imei, seen_at from registered
            on conflict do nothing returning imei),
        evidence as (
          select distinct on (w.request_id, w.imei) w.request_id, w.imei, s.msisdn, s.observed_at
            from inserted s join {SightingsStorage.Watches} w on w.imei = s.imei and (w.sim = s.msisdn or w.national_id = s.national_id)
            where s.imei_valid and w.refreshed_at >= @fresh
            order by w.request_id, w.imei, s.observed_at desc)
        {stored}
        union all
        select 1, null, r.imei, r.msisdn, r.national_id, r.seen_at, null from registered r join firsts f on f.imei = r.imei
        union all
        select 2, null, imei, msisdn, null, observed_at, request_id from evidence
        """;

    /// <summary>Creates the partitions of the given days on a connection of its own, outside the writer's transaction.</summary>
    public static async Task EnsurePartitionsAsync(IDocumentSession session, IEnumerable<DateOnly> days, CancellationToken cancellation)
    {
        await using var ddl = session.Database.CreateConnection();
        await ddl.OpenAsync(cancellation);
        await SightingsStorage.EnsurePartitionsAsync(ddl, days, cancellation);
    }

    /// <summary>Runs a <see cref="StoreAndReact"/> statement and reads its answer; kind 0 rows give their <c>n</c> to <paramref name="stored"/>.</summary>
    public static async Task<(IReadOnlyList<FirstSighting> FirstSeen, IReadOnlyList<EvidenceSighting> Evidence)> ReactAsync(
        NpgsqlCommand command, string operatorName, DateTimeOffset now, Action<long> stored, CancellationToken cancellation)
    {
        command.Parameters.Add(new NpgsqlParameter("operator", operatorName));
        command.Parameters.Add(new NpgsqlParameter("now", now));
        command.Parameters.Add(new NpgsqlParameter("fresh", now - WatchLifetime));
        var firstSeen = new List<FirstSighting>();
        var evidence = new List<EvidenceSighting>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            switch (reader.GetInt32(0))
            {
                case 0:
                    stored(reader.GetInt64(1));
                    break;
                case 1:
                    firstSeen.Add(new FirstSighting(reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetFieldValue<DateTimeOffset>(5)));
                    break;
                default:
                    evidence.Add(new EvidenceSighting(reader.GetGuid(6), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(5), operatorName));
                    break;
            }
        }

        return (firstSeen, evidence);
    }

    public static async Task<StoredSightings> StoreAsync(IDocumentSession session, string operatorName, IReadOnlyList<Sighting> sightings,
        DateTimeOffset now, CancellationToken cancellation)
    {
        await EnsurePartitionsAsync(session, sightings.Select(s => DateOnly.FromDateTime(s.ObservedAt.UtcDateTime)), cancellation);
        await session.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand(BatchSql, session.Connection);
        command.Parameters.Add(new NpgsqlParameter("imei", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sightings.Select(s => s.Imei).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("valid", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = sightings.Select(s => s.ImeiValid).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("imsi", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sightings.Select(s => s.Imsi).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("msisdn", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sightings.Select(s => s.Msisdn).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("observed", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = sightings.Select(s => s.ObservedAt).ToArray() });
        var inserted = new HashSet<int>();
        var (firstSeen, evidence) = await ReactAsync(command, operatorName, now, n => inserted.Add((int)n - 1), cancellation);
        CommitOnSave(session);
        return new StoredSightings(inserted, firstSeen, evidence);
    }

    /// <summary>
    /// Marten commits the transaction our own statements ran in only when the session has work of its own: a batch
    /// that causes no message would be rolled back when the session is disposed. A statement that returns no rows
    /// gives it that work without disturbing the results Marten reads back.
    /// </summary>
    public static void CommitOnSave(IDocumentSession session) => session.QueueSqlCommand("set local hamta.sightings = 'stored'");
}
