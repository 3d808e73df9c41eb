using System.Collections.Concurrent;
using System.Globalization;
using Hamta.Sim.Contracts;
using Npgsql;

namespace Hamta.Sim.Network;

/// <summary>
/// The sightings table (ADR 18): narrow rows partitioned by day on the time of the sighting, keyed by the record
/// itself so that a record sent twice is stored once. Also the IMEIs ever seen (first sighting) and the IMEIs that
/// waiting tickets watch for.
/// </summary>
public static class SightingsStorage
{
    public const string Table = SimModule.Schema + ".sightings";
    public const string FirstSightings = SimModule.Schema + ".first_sightings";
    public const string Watches = SimModule.Schema + ".evidence_watches";
    private const string PartitionPrefix = "sightings_";
    private const string PreviousDocuments = SimModule.Schema + ".mt_doc_attachobservation";

    private static readonly ConcurrentDictionary<DateOnly, bool> KnownPartitions = new();

    /// <summary>The start of the earliest day partition (UTC midnight), null without partitions.</summary>
    public const string EarliestPartitionSql = $"""
        select min(to_date(right(c.relname, 8), 'YYYYMMDD'))::timestamp at time zone 'UTC'
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = '{Table}'::regclass and c.relname ~ '^{PartitionPrefix}[0-9]+$'
        """;

    private const string CreateTables = $"""
        create schema if not exists {SimModule.Schema};
        create table if not exists {Table} (
            imei text not null,
            imei_valid boolean not null,
            imsi text not null,
            msisdn text not null,
            national_id text,
            operator text not null,
            observed_at timestamptz not null,
            received_at timestamptz not null,
            primary key (imei, imsi, msisdn, observed_at)
        ) partition by range (observed_at);
        create or replace view {SimViews.Sightings} as
            select imei, imei_valid, imsi, msisdn, national_id, operator, observed_at from {Table};
        create table if not exists {FirstSightings} (
            imei text primary key,
            seen_at timestamptz not null
        );
        create table if not exists {Watches} (
            request_id uuid not null,
            imei text not null,
            sim text not null,
            national_id text not null,
            refreshed_at timestamptz not null,
            primary key (request_id, imei)
        );
        create index if not exists evidence_watches_imei on {Watches} (imei);
        create table if not exists {SightingsDumpImporter.Dumps} (
            sha256 text primary key,
            operator text not null,
            file_name text not null,
            rows bigint not null,
            stored bigint not null,
            imported_at timestamptz not null
        );
        """;

    /// <summary>Creates the tables, moves the previous version's sighting documents in, and creates the partitions of the coming days.</summary>
    public static async Task PrepareAsync(NpgsqlConnection connection, DateTimeOffset now, NetworkSettings settings, CancellationToken cancellation)
    {
        await ExecuteAsync(connection, CreateTables, cancellation);
        await MovePreviousDocumentsAsync(connection, now - settings.Retention, cancellation);
        await EnsurePartitionsAsync(connection, Days(DateOnly.FromDateTime(now.UtcDateTime), settings.PartitionsAheadDays), cancellation);
    }

    public static IEnumerable<DateOnly> Days(DateOnly from, int ahead) => Enumerable.Range(0, ahead + 1).Select(from.AddDays);

    /// <summary>Creates the partition of each day that does not have one yet; a partition known to this process costs nothing.</summary>
    public static async Task EnsurePartitionsAsync(NpgsqlConnection connection, IEnumerable<DateOnly> days, CancellationToken cancellation)
    {
        foreach (var day in days.Distinct().Where(d => !KnownPartitions.ContainsKey(d)))
        {
            var from = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            try
            {
                await ExecuteAsync(connection,
                    $"create table if not exists {SimModule.Schema}.{PartitionName(day)} partition of {Table} for values from ('{from} 00:00:00+00') to ('{to} 00:00:00+00')",
                    cancellation);
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another node created the same partition at the same moment.
            }

            KnownPartitions[day] = true;
        }
    }

    /// <summary>Drops the partitions whose whole day is older than the cut-off; gives the days dropped.</summary>
    public static async Task<IReadOnlyList<DateOnly>> DropPartitionsBeforeAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellation)
    {
        var lastDayToDrop = DateOnly.FromDateTime(cutoff.UtcDateTime).AddDays(-1);
        var dropped = (await PartitionDaysAsync(connection, cancellation)).Where(day => day <= lastDayToDrop).ToList();
        foreach (var day in dropped)
        {
            await ExecuteAsync(connection, $"drop table if exists {SimModule.Schema}.{PartitionName(day)}", cancellation);
            KnownPartitions.TryRemove(day, out _);
        }

        return dropped;
    }

    public static async Task<IReadOnlyList<DateOnly>> PartitionDaysAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = '{Table}'::regclass", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var days = new List<DateOnly>();
        while (await reader.ReadAsync(cancellation))
        {
            if (DateOnly.TryParseExact(reader.GetString(0)[PartitionPrefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
        }

        return days.Order().ToList();
    }

    /// <summary>Forgets which partitions exist, after they were changed behind this process's back (tests).</summary>
    public static void ForgetKnownPartitions() => KnownPartitions.Clear();

    private static string PartitionName(DateOnly day) => PartitionPrefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The previous version kept sightings as Marten documents. Those within the retention window move into the
    /// table (with their first sightings) in one transaction, and the document table is dropped with them.
    /// </summary>
    private static async Task MovePreviousDocumentsAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellation)
    {
        await using (var exists = new NpgsqlCommand($"select to_regclass('{PreviousDocuments}') is not null", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellation))!)
            {
                return;
            }
        }

        var days = new List<DateOnly>();
        await using (var command = new NpgsqlCommand(
            $"select distinct ((data ->> 'ObservedAt')::timestamptz at time zone 'UTC')::date from {PreviousDocuments} where (data ->> 'ObservedAt')::timestamptz >= @cutoff",
            connection))
        {
            command.Parameters.Add(new NpgsqlParameter("cutoff", cutoff));
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                days.Add(DateOnly.FromDateTime(reader.GetDateTime(0)));
            }
        }

        await EnsurePartitionsAsync(connection, days, cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var move = new NpgsqlCommand($"""
            insert into {Table} (imei, imei_valid, imsi, msisdn, national_id, operator, observed_at, received_at)
              select data ->> 'Imei', (data ->> 'ImeiValid')::boolean, data ->> 'Imsi', data ->> 'Msisdn', nullif(data ->> 'NationalId', ''),
                     data ->> 'Operator', (data ->> 'ObservedAt')::timestamptz, (data ->> 'ReceivedAt')::timestamptz
              from {PreviousDocuments} where (data ->> 'ObservedAt')::timestamptz >= @cutoff
              on conflict do nothing;
            insert into {FirstSightings} (imei, seen_at)
              select data ->> 'Imei', min((data ->> 'ObservedAt')::timestamptz) from {PreviousDocuments}
              where (data ->> 'ImeiValid')::boolean group by data ->> 'Imei'
              on conflict do nothing;
            drop table {PreviousDocuments};
            """, connection, transaction))
        {
            move.Parameters.Add(new NpgsqlParameter("cutoff", cutoff));
            await move.ExecuteNonQueryAsync(cancellation);
        }

        await transaction.CommitAsync(cancellation);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
