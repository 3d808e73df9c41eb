using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Hamta.Kernel.Identifiers;
using Hamta.Sim.Contracts;
using Microsoft.Extensions.Options;
using nietras.SeparatedValues;
using Npgsql;
using NpgsqlTypes;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Hamta.Sim.Network;

/// <summary>
/// A daily dump of an operator's sightings (CSV with the header <c>imei,imsi,msisdn,observed_at</c>, or the same
/// gzip-compressed): read once with Sep and copied into a temporary staging table while every check is counted;
/// refused whole when a share is over its threshold; otherwise stored with the same set-based statement as the API's
/// batches, its reactions published through the outbox, and the file recorded by its hash, all in one transaction.
/// </summary>
public sealed class SightingsDumpImporter(
    OutboxedSessionFactory sessions, IMessageBus bus, TimeProvider clock, IOptions<NetworkSettings> options, SightingsIngested ingested) : ISightingsDumpImport
{
    public const string Dumps = SimModule.Schema + ".sighting_dumps";

    private static readonly string[] Columns = ["imei", "imsi", "msisdn", "observed_at"];

    private static readonly string DumpSql = SightingsWriter.StoreAndReact(
        "select imei, imei_valid, imsi, msisdn, observed_at from dump_staging",
        "select 0 kind, count(*), null::text imei, null::text msisdn, null::text national_id, null::timestamptz at, null::uuid request_id from inserted");

    private sealed class Counts
    {
        public long Rows;
        public long MissingFields;
        public long MalformedImei;
        public long ImsiOutsideOperator;
        public long MsisdnOutsideCountry;
        public long OutsideTimeWindow;
        public long Staged;
        public readonly HashSet<DateOnly> Days = [];
    }

    public async Task<DumpReport> ImportAsync(string operatorName, string path, CancellationToken cancellation)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var sha256 = await HashAsync(path, cancellation);
        await using var session = sessions.OpenSession(bus);
        await session.BeginTransactionAsync(cancellation);
        var connection = session.Connection!;
        if (await ScalarAsync<long>(connection, $"select count(*) from {Dumps} where sha256 = @sha256", cancellation, ("sha256", sha256)) > 0)
        {
            return new DumpReport(DumpOutcome.AlreadyImported, sha256, 0, 0, 0, []);
        }

        await ExecuteAsync(connection,
            "create temporary table dump_staging (imei text, imei_valid boolean, imsi text, msisdn text, observed_at timestamptz) on commit drop", cancellation);
        Counts counts;
        try
        {
            counts = await StageAsync(connection, path, operatorName, now, settings, cancellation);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException)
        {
            return new DumpReport(DumpOutcome.Unreadable, sha256, 0, 0, 0, [], exception.Message);
        }

        var checks = await CheckAsync(connection, operatorName, counts, settings.DumpThresholds, cancellation);
        if (counts.Rows == 0 || checks.Any(c => !c.Passed))
        {
            return new DumpReport(DumpOutcome.Refused, sha256, counts.Rows, 0, 0, checks);
        }

        await SightingsWriter.EnsurePartitionsAsync(session, counts.Days, cancellation);
        long stored = 0;
        // Tens of millions of rows take minutes in one statement; the request's cancellation still stops it.
        await using (var command = new NpgsqlCommand(DumpSql, connection) { CommandTimeout = 0 })
        {
            var (firstSeen, evidence) = await SightingsWriter.ReactAsync(command, operatorName, now, n => stored = n, cancellation);
            var outcome = new StoredSightings(new HashSet<int>(), firstSeen, evidence);
            foreach (var message in outcome.Messages())
            {
                await bus.PublishAsync(message);
            }

            await bus.PublishAsync(new SightingsDumpStored(operatorName, stored, now));
        }

        await ExecuteAsync(connection,
            $"insert into {Dumps} (sha256, operator, file_name, rows, stored, imported_at) values (@sha256, @operator, @file, @rows, @stored, @now)",
            cancellation, ("sha256", sha256), ("operator", operatorName), ("file", Path.GetFileName(path)), ("rows", counts.Rows), ("stored", stored), ("now", now));
        SightingsWriter.CommitOnSave(session);
        await session.SaveChangesAsync(cancellation);
        ingested.Add(operatorName, stored);
        return new DumpReport(DumpOutcome.Imported, sha256, counts.Rows, stored, counts.Staged - stored, checks);
    }

    private static async Task<Counts> StageAsync(NpgsqlConnection connection, string path, string operatorName, DateTimeOffset now,
        NetworkSettings settings, CancellationToken cancellation)
    {
        var counts = new Counts();
        var prefixes = settings.ImsiPrefixes.GetValueOrDefault(operatorName) ?? [];
        await using var file = File.OpenRead(path);
        await using var content = await IsGzipAsync(file, cancellation) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(content);
        var indexes = Columns.Select(name => reader.Header.TryIndexOf(name, out var index) ? index : -1).ToArray();
        if (indexes.Any(i => i < 0))
        {
            throw new InvalidDataException($"the header must name the columns {string.Join(',', Columns)}");
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "copy dump_staging (imei, imei_valid, imsi, msisdn, observed_at) from stdin (format binary)", cancellation);
        var fields = new string[Columns.Length];
        foreach (var row in reader)
        {
            counts.Rows++;
            for (var c = 0; c < fields.Length; c++)
            {
                fields[c] = indexes[c] < row.ColCount ? row[indexes[c]].ToString().Trim() : string.Empty;
            }

            var observedAt = DateTimeOffset.TryParse(fields[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
            var (outcome, sighting) = SightingRules.Examine(new AttachObservationRecord(fields[0], fields[1], fields[2], observedAt), now, settings.Retention);
            Count(counts, outcome, fields[1], prefixes);
            if (sighting is null)
            {
                continue;
            }

            // Synchronous on purpose: Sep's rows live on the stack and cannot cross an await; Npgsql buffers the rows.
            counts.Staged++;
            counts.Days.Add(DateOnly.FromDateTime(sighting.ObservedAt.UtcDateTime));
            copy.StartRow();
            copy.Write(sighting.Imei, NpgsqlDbType.Text);
            copy.Write(sighting.ImeiValid, NpgsqlDbType.Boolean);
            copy.Write(sighting.Imsi, NpgsqlDbType.Text);
            copy.Write(sighting.Msisdn, NpgsqlDbType.Text);
            copy.Write(sighting.ObservedAt, NpgsqlDbType.TimestampTz);
        }

        await copy.CompleteAsync(cancellation);
        return counts;
    }

    private static void Count(Counts counts, ObservationOutcome outcome, string imsi, string[] prefixes)
    {
        switch (outcome)
        {
            case ObservationOutcome.MissingImei or ObservationOutcome.MissingImsi or ObservationOutcome.MissingMsisdn or ObservationOutcome.MissingObservedAt:
                counts.MissingFields++;
                return;
            case ObservationOutcome.InvalidImei or ObservationOutcome.StoredWithMalformedImei:
                counts.MalformedImei++;
                break;
            case ObservationOutcome.InvalidMsisdn:
                counts.MsisdnOutsideCountry++;
                break;
            case ObservationOutcome.InTheFuture or ObservationOutcome.OlderThanRetention:
                counts.OutsideTimeWindow++;
                break;
        }

        if (prefixes.Length > 0 && !prefixes.Any(p => imsi.StartsWith(p, StringComparison.Ordinal)))
        {
            counts.ImsiOutsideOperator++;
        }
    }

    private static async Task<IReadOnlyList<DumpCheck>> CheckAsync(NpgsqlConnection connection, string operatorName, Counts counts,
        DumpThresholds thresholds, CancellationToken cancellation)
    {
        double Share(long rows) => counts.Rows == 0 ? 0 : (double)rows / counts.Rows;
        var checks = new List<DumpCheck>
        {
            new("missing fields", counts.MissingFields, Share(counts.MissingFields), thresholds.MissingFields),
            new("malformed IMEIs", counts.MalformedImei, Share(counts.MalformedImei), thresholds.MalformedImei),
            new("IMSIs outside the operator's MCC-MNC", counts.ImsiOutsideOperator, Share(counts.ImsiOutsideOperator), thresholds.ImsiOutsideOperator),
            new("MSISDNs outside the country", counts.MsisdnOutsideCountry, Share(counts.MsisdnOutsideCountry), thresholds.MsisdnOutsideCountry),
            new("times in the future or past retention", counts.OutsideTimeWindow, Share(counts.OutsideTimeWindow), thresholds.OutsideTimeWindow),
        };
        var recent = await ScalarAsync<double?>(connection,
            $"select avg(rows)::float8 from (select rows from {Dumps} where operator = @operator order by imported_at desc limit @recent) r",
            cancellation, ("operator", operatorName), ("recent", thresholds.RecentDumps));
        if (recent is > 0)
        {
            // A shortfall against the recent average: 0 when the dump is at least as large, 1 when it is empty.
            var shortfall = Math.Max(0, 1 - (counts.Rows / recent.Value));
            checks.Add(new DumpCheck($"rows against the recent average of {recent.Value:F0}", counts.Rows, shortfall, 1 - thresholds.MinRowsAgainstRecent));
        }

        return checks;
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellation)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellation));
    }

    private static async Task<bool> IsGzipAsync(FileStream file, CancellationToken cancellation)
    {
        var magic = new byte[2];
        var read = await file.ReadAsync(magic, cancellation);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(p => new NpgsqlParameter(p.Name, p.Value)).ToArray());
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellation, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters.Select(p => new NpgsqlParameter(p.Name, p.Value)).ToArray());
        var value = await command.ExecuteScalarAsync(cancellation);
        return value is DBNull ? default! : (T)value!;
    }
}
