using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Hamta.Bench;

/// <summary>
/// The sightings path (ADR 18): operator batches through the API until every reaction is handled, and a daily dump
/// through the dump endpoint, each against a COPY of the same rows into a bare table with the same key.
/// </summary>
public sealed partial class Scenarios
{
    private const string BenchOperator = "bench-operator";
    private const string BenchOperatorKey = "bench-operator-key";
    private const int ApiBatch = 10_000;

    private int ApiSightings => Math.Max(20_000, (int)(1_000_000 * options.Scale));

    private int DumpSightings => Math.Max(50_000, (int)(10_000_000 * options.Scale));

    private sealed record SightingRow(string Imei, string Imsi, string Msisdn, DateTimeOffset ObservedAt);

    public async Task<List<Row>> SightingsAsync()
    {
        var sightingsEnvironment = new Dictionary<string, string>(environment)
        {
            [$"Hamta__Operators__{BenchOperator}"] = BenchOperatorKey,
            [$"Hamta__Network__ImsiPrefixes__{BenchOperator}__0"] = "43211",
            ["Hamta__Network__DumpThresholds__MinRowsAgainstRecent"] = "0",
        };
        await using var host = HostProcess.Start(options.Repo, sightingsEnvironment, log);
        await StartAndWaitAsync(host);
        await database.ExecuteAsync("""
            drop table if exists bench_base.sightings;
            create table bench_base.sightings (imei text, imsi text, msisdn text, observed_at timestamptz, primary key (imei, imsi, msisdn, observed_at))
            """);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchOperatorKey);
        List<Row> rows = [];
        if (options.Measures("sightings"))
        {
            rows.Add(await ApiSightingsAsync(http));
        }

        if (options.Measures("dump"))
        {
            rows.Add(await DumpAsync(http));
        }

        return rows;
    }

    private async Task<Row> ApiSightingsAsync(HttpClient http)
    {
        var hamta = new List<double>();
        var baseline = new List<double>();
        var floor = new List<double>();
        for (var run = 0; run <= options.Runs; run++)
        {
            var rows = Sightings(run == 0 ? ApiSightings / 10 : ApiSightings, run * 100_000_000L);
            var started = Stopwatch.GetTimestamp();
            foreach (var batch in rows.Chunk(ApiBatch))
            {
                var response = await http.PostAsJsonAsync("/api/operator/attach-observations",
                    new { observations = batch.Select(r => new { imei = r.Imei, imsi = r.Imsi, msisdn = r.Msisdn, observedAt = r.ObservedAt }) });
                response.EnsureSuccessStatusCode();
            }

            await ReactionsDoneAsync();
            var hamtaSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var copySeconds = await CopyAsync(rows);
            var floorSeconds = await KeyedInsertAsync(rows);
            if (run == 0)
            {
                say($"  sightings API warm-up ({rows.Count:N0} records): {rows.Count / hamtaSeconds:0} records/s, COPY {rows.Count / copySeconds:0} rows/s, "
                    + $"keyed inserts {rows.Count / floorSeconds:0} rows/s");
                continue;
            }

            hamta.Add(rows.Count / hamtaSeconds);
            baseline.Add(rows.Count / copySeconds);
            floor.Add(rows.Count / floorSeconds);
            say($"  run {run}: API {hamta[^1]:0} records/s until every reaction was handled; COPY {baseline[^1]:0} rows/s; "
                + $"the batches' keyed inserts alone {floor[^1]:0} rows/s");
        }

        var ratio = Stats.Median(hamta) / Stats.Median(baseline);
        return new Row(
            F($"sightings via the API ({ApiSightings:N0} records in batches of {ApiBatch:N0}, until every reaction is handled)"),
            F($"{Stats.Median(hamta):0} records/s"),
            F($"{Stats.Median(baseline):0} rows/s (COPY into a bare keyed table)"),
            F($"{ratio:0.00}×"),
            "≥ 0.3×",
            ratio >= 0.3,
            F($"API ±{Stats.SpreadPercent(hamta) / 2:0}%, COPY ±{Stats.SpreadPercent(baseline) / 2:0}%, keyed inserts ±{Stats.SpreadPercent(floor) / 2:0}% over {options.Runs} runs"),
            [F($"The design's floor in the same runs: the same rows written as the API's batches of {ApiBatch:N0} are, each one `insert … select from unnest(…) on conflict do nothing` into the bare keyed table (the duplicate check a record sent twice needs, nothing else: no HTTP, no JSON, no SIM lookup, no reactions), one client: {Stats.Median(floor):0} rows/s (±{Stats.SpreadPercent(floor) / 2:0}%), {Stats.Median(floor) / Stats.Median(baseline):0.00}× the COPY; the API is {Stats.Median(hamta) / Stats.Median(floor):0.00}× that floor.")]);
    }

    /// <summary>
    /// The floor of the API's design: the same rows in batches of <see cref="ApiBatch"/>, each written with the one keyed
    /// insert that storing a record sent twice only once takes, into the bare table the COPY fills.
    /// </summary>
    private async Task<double> KeyedInsertAsync(List<SightingRow> rows)
    {
        await database.ExecuteAsync("truncate bench_base.sightings");
        var started = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenAsync();
        foreach (var batch in rows.Chunk(ApiBatch))
        {
            await using var command = new NpgsqlCommand(
                "insert into bench_base.sightings (imei, imsi, msisdn, observed_at) "
                + "select * from unnest(@imei::text[], @imsi::text[], @msisdn::text[], @observed::timestamptz[]) on conflict do nothing", connection);
            command.Parameters.Add(new NpgsqlParameter("imei", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.Imei).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("imsi", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.Imsi).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("msisdn", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.Msisdn).ToArray() });
            command.Parameters.Add(new NpgsqlParameter("observed", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = batch.Select(r => r.ObservedAt).ToArray() });
            await command.ExecuteNonQueryAsync();
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private async Task<Row> DumpAsync(HttpClient http)
    {
        var hamta = new List<double>();
        var baseline = new List<double>();
        for (var run = 0; run <= options.Runs; run++)
        {
            var rows = Sightings(run == 0 ? DumpSightings / 10 : DumpSightings, 10_000_000_000L + (run * 100_000_000L));
            var path = Path.Combine(work, "dump.csv.gz");
            await WriteDumpAsync(path, rows);
            var started = Stopwatch.GetTimestamp();
            using (var content = new StreamContent(File.OpenRead(path)))
            {
                content.Headers.ContentType = new("application/gzip");
                var response = await http.PostAsync("/api/operator/sighting-dumps", content);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"the dump was refused: {body}");
                }
            }

            await ReactionsDoneAsync();
            var hamtaSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await database.ExecuteAsync("truncate bench_base.sightings");
            var copyStarted = Stopwatch.GetTimestamp();
            await using (var connection = await database.OpenAsync())
            using (var file = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
            await using (var copy = await connection.BeginTextImportAsync("copy bench_base.sightings from stdin (format csv, header)"))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = await file.ReadAsync(buffer)) > 0)
                {
                    await copy.WriteAsync(buffer.AsMemory(0, read));
                }
            }

            var copySeconds = Stopwatch.GetElapsedTime(copyStarted).TotalSeconds;
            File.Delete(path);
            if (run == 0)
            {
                say($"  dump warm-up ({rows.Count:N0} rows): {rows.Count / hamtaSeconds:0} rows/s, COPY {rows.Count / copySeconds:0} rows/s");
                continue;
            }

            hamta.Add(rows.Count / hamtaSeconds);
            baseline.Add(rows.Count / copySeconds);
            say($"  run {run}: dump {hamta[^1]:0} rows/s with its checks; COPY of the same file {baseline[^1]:0} rows/s");
        }

        var ratio = Stats.Median(hamta) / Stats.Median(baseline);
        return new Row(
            F($"daily dump ({DumpSightings:N0} sightings, .csv.gz, checks included, until every reaction is handled)"),
            F($"{Stats.Median(hamta):0} rows/s"),
            F($"{Stats.Median(baseline):0} rows/s (COPY of the same file into a bare keyed table)"),
            F($"{ratio:0.00}×"),
            "≥ 0.3×",
            ratio >= 0.3,
            F($"dump ±{Stats.SpreadPercent(hamta) / 2:0}%, COPY ±{Stats.SpreadPercent(baseline) / 2:0}% over {options.Runs} runs"),
            []);
    }

    /// <summary>Distinct sightings of the last hour: registered subscribers' SIMs and unknown ones, mostly unregistered IMEIs.</summary>
    private static List<SightingRow> Sightings(int count, long offset)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        return Enumerable.Range(0, count).Select(i =>
        {
            var body = (35000000000000L + offset + i).ToString("D14", Invariant);
            var msisdn = i % 3 == 0 ? Seed.MobileOf(i % 1000) : F($"0935{i % 10_000_000:0000000}");
            return new SightingRow(body + Luhn(body), F($"43211{i % 10_000_000_000L:0000000000}"), msisdn, now.AddMilliseconds(-(i % 3_600_000)));
        }).ToList();
    }

    private static char Luhn(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = (body[body.Length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static async Task WriteDumpAsync(string path, List<SightingRow> rows)
    {
        await using var file = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        await using var writer = new StreamWriter(file, new UTF8Encoding(false));
        await writer.WriteLineAsync("imei,imsi,msisdn,observed_at");
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(F($"{row.Imei},{row.Imsi},{row.Msisdn},{row.ObservedAt:yyyy-MM-ddTHH:mm:ss.fffZ}"));
        }
    }

    private async Task<double> CopyAsync(List<SightingRow> rows)
    {
        await database.ExecuteAsync("truncate bench_base.sightings");
        var started = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("copy bench_base.sightings (imei, imsi, msisdn, observed_at) from stdin (format binary)"))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                copy.Write(row.Imei, NpgsqlDbType.Text);
                copy.Write(row.Imsi, NpgsqlDbType.Text);
                copy.Write(row.Msisdn, NpgsqlDbType.Text);
                copy.Write(row.ObservedAt, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Waits until no durable message is left to handle: every reaction of the stored sightings has run.</summary>
    private async Task ReactionsDoneAsync()
    {
        while (await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled'") > 0)
        {
            await Task.Delay(100);
        }
    }
}
