using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hamta.Host.Infrastructure;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;

namespace Hamta.Bench;

/// <summary>Each scenario of the issue: warm-up, several runs of Hamta and of its PostgreSQL baseline, interleaved.</summary>
public sealed partial class Scenarios(BenchOptions options, Database database, Dictionary<string, string> environment, string work, Action<string> say)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly string baseUrl = environment["ASPNETCORE_URLS"];
    private readonly string log = Path.Combine(work, "host.log");

    public double PeakRssMb { get; private set; }

    public HostProcess StartHost() => HostProcess.Start(options.Repo, environment, log);

    public async Task<TimeSpan> StartAndWaitAsync(HostProcess host) => await host.WaitForFirst200Async($"{baseUrl}/login", TimeSpan.FromMinutes(3));

    public async Task<List<Row>> SubmissionAsync(HostProcess host)
    {
        var portals = new List<Portal>();
        for (var n = 1; n <= Seed.LoadClients; n++)
        {
            var portal = new Portal(baseUrl, database);
            await portal.SignInAsync(Seed.MobileOf(n));
            await portal.OpenTicketFormAsync();
            portals.Add(portal);
        }

        var description = "گوشی من پس از تعویض سیم‌کارت پیام ناشناس بودن دستگاه می‌دهد؛ دستگاه را سال گذشته خریده‌ام و فاکتور دارم.";
        Task<bool> Submit(int client, CancellationToken cancellation) => portals[client].SubmitTicketAsync(description, cancellation);
        await using var floor = await FloorEndpoint.StartAsync(database);
        var floorClients = Enumerable.Range(0, Seed.LoadClients).Select(_ => floor.Client()).ToList();
        Task<bool> SubmitToFloor(int client, CancellationToken cancellation) =>
            FloorEndpoint.SubmitAsync(floorClients[client], Seed.MobileOf(client + 1), description, cancellation);

        var rows = new List<Row>();
        foreach (var clients in new[] { 8, Seed.LoadClients })
        {
            say($"submission at {clients} clients: warm-up");
            await Load.RunAsync(clients, Submit, TimeSpan.FromSeconds(10), int.MaxValue);
            await Pgbench.RunAsync(database, clients, TimeSpan.FromSeconds(3), work);
            await Load.RunAsync(clients, SubmitToFloor, TimeSpan.FromSeconds(5), int.MaxValue);
            var hamta = new List<LoadResult>();
            var baseline = new List<LoadResult>();
            var floors = new List<LoadResult>();
            var cpu = new CpuSplit();
            await database.ResetStatementsAsync();
            for (var run = 1; run <= options.Runs; run++)
            {
                cpu.Begin(host);
                using (var sampling = new CancellationTokenSource())
                {
                    var sampler = SampleMemoryAsync(host, sampling.Token);
                    hamta.Add(await Load.RunAsync(clients, Submit, options.LoadDuration, 200_000));
                    await sampling.CancelAsync();
                    await sampler;
                }

                cpu.End(host);
                baseline.Add(await Pgbench.RunAsync(database, clients, options.LoadDuration, work));
                floors.Add(await Load.RunAsync(clients, SubmitToFloor, options.LoadDuration, 200_000));
                say($"  run {run}: Hamta {hamta[^1].PerSecond:0} req/s p99 {hamta[^1].P99:0.0} ms ({hamta[^1].Failed} failed); floor {floors[^1].PerSecond:0} req/s p99 {floors[^1].P99:0.0} ms; pgbench {baseline[^1].PerSecond:0} tps p99 {baseline[^1].P99:0.0} ms");
            }

            var rps = Median(hamta, r => r.PerSecond);
            var tps = Median(baseline, r => r.PerSecond);
            var floorRps = Median(floors, r => r.PerSecond);
            var p99 = Median(hamta, r => r.P99);
            var met = rps >= 0.5 * floorRps && p99 <= 50;
            var failed = hamta.Sum(r => r.Failed);
            rows.Add(new Row(
                $"ticket submission, {clients} clients",
                F($"{rps:0} req/s, p50 {Median(hamta, r => r.P50):0.0} ms, p99 {p99:0.0} ms") + (failed > 0 ? F($", {failed} failed") : ""),
                F($"floor (a bare ASP.NET Core endpoint writing the same rows with Npgsql in one transaction) {floorRps:0} req/s, p50 {Median(floors, r => r.P50):0.0} ms, p99 {Median(floors, r => r.P99):0.0} ms; pgbench {tps:0} tps, p99 {Median(baseline, r => r.P99):0.0} ms"),
                F($"{rps / floorRps:0.00}× the floor ({rps / tps:0.00}× pgbench)"),
                "≥ 0.5× the floor; p99 ≤ 50 ms",
                met,
                F($"Hamta req/s ±{Stats.SpreadPercent(hamta.Select(r => r.PerSecond).ToList()) / 2:0}%, p99 ±{Stats.SpreadPercent(hamta.Select(r => r.P99).ToList()) / 2:0}%; floor req/s ±{Stats.SpreadPercent(floors.Select(r => r.PerSecond).ToList()) / 2:0}%; pgbench tps ±{Stats.SpreadPercent(baseline.Select(r => r.PerSecond).ToList()) / 2:0}%"),
                met ? [] : [cpu.Describe(), .. await database.TopStatementsAsync(6)]));
        }

        portals.ForEach(p => p.Dispose());
        return rows;
    }

    public async Task<Row> MyTicketsAsync()
    {
        using var portal = new Portal(baseUrl, database);
        await portal.SignInAsync(Seed.ListSubscriber);
        var nationalId = (string)(await database.RowsAsync($"select national_id from bench_seed.subscribers where n = 0"))[0][0];
        await using var connection = await database.OpenAsync();
        await using var bare = new NpgsqlCommand(
            "select data from tickets.mt_doc_ticket where data->>'SubscriberNationalId' = $1 order by (data->>'Number')::bigint desc limit 11 /* bench_baseline */",
            connection);
        bare.Parameters.Add(new NpgsqlParameter { Value = nationalId });
        await bare.PrepareAsync();
        async Task<bool> Bare(int client, CancellationToken cancellation)
        {
            await using var reader = await bare.ExecuteReaderAsync(cancellation);
            var rows = 0;
            while (await reader.ReadAsync(cancellation))
            {
                rows++;
            }

            return rows == 11;
        }

        const int requests = 500;
        say("my tickets: warm-up");
        await Load.RunAsync(1, (_, c) => portal.ListTicketsAsync(c), TimeSpan.FromSeconds(10), 2_000);
        await Load.RunAsync(1, Bare, TimeSpan.FromSeconds(10), 2_000);
        var hamta = new List<LoadResult>();
        var baseline = new List<LoadResult>();
        await database.ResetStatementsAsync();
        for (var run = 1; run <= options.Runs; run++)
        {
            hamta.Add(await Load.RunAsync(1, (_, c) => portal.ListTicketsAsync(c), options.LoadDuration, requests));
            baseline.Add(await Load.RunAsync(1, Bare, options.LoadDuration, requests));
            say($"  run {run}: page p50 {hamta[^1].P50:0.00} p99 {hamta[^1].P99:0.00} ms; bare query p50 {baseline[^1].P50:0.00} p99 {baseline[^1].P99:0.00} ms");
        }

        var p99 = Median(hamta, r => r.P99);
        var bareP99 = Median(baseline, r => r.P99);
        var met = p99 <= 15 && p99 <= 3 * bareP99;
        return new Row(
            "my-tickets page (1 client, a subscriber with 50 of all the tickets)",
            F($"p50 {Median(hamta, r => r.P50):0.00} ms, p99 {p99:0.00} ms ({requests} requests a run)"),
            F($"bare keyset query p50 {Median(baseline, r => r.P50):0.00} ms, p99 {bareP99:0.00} ms"),
            F($"{p99 / bareP99:0.0}× (p99)"),
            "p99 ≤ 15 ms and ≤ 3× the bare query",
            met,
            F($"page p99 ±{Stats.SpreadPercent(hamta.Select(r => r.P99).ToList()) / 2:0}%; bare p99 ±{Stats.SpreadPercent(baseline.Select(r => r.P99).ToList()) / 2:0}%"),
            met ? [] : await database.TopStatementsAsync(5));
    }

    /// <summary>The Host's recurring jobs, to trigger one on demand as the dashboard does.</summary>
    private RecurringJobManager RecurringJobs()
    {
        GlobalConfiguration.Configuration.UsePostgreSqlStorage(
            storage => storage.UseNpgsqlConnection(environment["ConnectionStrings__Hamta"]),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false });
        return new RecurringJobManager(JobStorage.Current);
    }

    public async Task<Row> SweepAsync(HostProcess host, Seed seed)
    {
        var cpu = new CpuSplit();
        var jobs = RecurringJobs();
        var hamta = new List<double>();
        var baseline = new List<double>();
        var floor = new List<double>();
        var join = """
            create table bench_base.evidence_found as
            select t.id, o.imei, max(o.observed_at) observed_at
            from tickets.mt_doc_ticket t
            cross join lateral jsonb_array_elements_text(t.data->'MissingEvidence') missing(imei)
            join sim.sightings o on o.imei = missing.imei and o.imei_valid
                 and (o.msisdn = t.data->>'SubscriberSim' or o.national_id = t.data->>'SubscriberNationalId')
            where (t.data->>'Status')::int = 1 and not (t.data->>'CorrectionRequested')::boolean
            group by t.id, o.imei
            """;

        // What the design's own writes cost at the least: the same evidence written set-based, as events on
        // the tickets' streams and into their documents with all their indexes, in one transaction rolled back.
        var designFloor = """
            begin;
            update events.mt_streams s set version = s.version + e.found
            from (select id, count(*) found from bench_base.evidence_found group by id) e where s.id = e.id;
            insert into events.mt_events(seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type)
            select nextval('events.mt_events_sequence'), gen_random_uuid(), e.id, s.version - e.nth + 1,
                   jsonb_build_object('TicketId', e.id, 'Imei', e.imei, 'ObservedAt', e.observed_at), 'bench_floor', now(), 'bench_floor'
            from (select *, row_number() over (partition by id) nth from bench_base.evidence_found) e join events.mt_streams s on s.id = e.id;
            update tickets.mt_doc_ticket t set data = jsonb_set(t.data, '{ImeisSeenOnNetwork}', to_jsonb(array[e.imei])), mt_version = t.mt_version + 1
            from bench_base.evidence_found e where t.id = e.id;
            rollback;
            """;
        say("sweep: warm-up");
        await seed.ResetSweepAsync();
        await SweepOnceAsync(jobs, seed);
        await database.ResetStatementsAsync();
        for (var run = 1; run <= options.Runs; run++)
        {
            await seed.ResetSweepAsync();
            await database.ExecuteAsync("drop table if exists bench_base.evidence_found");
            baseline.Add((await database.TimeAsync(join)).TotalSeconds);
            var found = await database.ScalarAsync<long>("select count(*) from bench_base.evidence_found");
            cpu.Begin(host);
            var took = await SweepOnceAsync(jobs, seed);
            cpu.End(host);
            hamta.Add(took.TotalSeconds);
            floor.Add((await database.TimeAsync(designFloor)).TotalSeconds);
            say($"  run {run}: sweep {took.TotalSeconds:0.00} s; set-based join {baseline[^1]:0.00} s ({found} sightings, {seed.ExpectedEvidence} expected); the same writes set-based {floor[^1]:0.00} s");
        }

        var seconds = Stats.Median(hamta);
        var bare = Stats.Median(baseline);
        var setBased = Stats.Median(floor);
        var met = seconds <= 3 * bare;
        string[] floorLine = [F($"The design's floor in the same runs: the same evidence written set-based in one transaction, as events on the tickets' streams and into their documents with their indexes (what ADR 2 stores), takes {setBased:0.00} s (±{Stats.SpreadPercent(floor) / 2:0}%), {setBased / bare:0.0}× the join.")];
        return new Row(
            F($"automatic-resolution sweep ({options.WaitingTickets:N0} waiting tickets, {options.Observations:N0} sightings, {seed.ExpectedEvidence:N0} tickets get evidence)"),
            F($"{seconds:0.00} s"),
            F($"{bare:0.00} s (one join, written to a table)"),
            F($"{seconds / bare:0.0}×"),
            "≤ 3×",
            met,
            F($"sweep ±{Stats.SpreadPercent(hamta) / 2:0}%; join ±{Stats.SpreadPercent(baseline) / 2:0}%"),
            met ? [] : [.. floorLine, cpu.Describe(), .. await database.TopStatementsAsync(6)]);
    }

    private async Task<TimeSpan> SweepOnceAsync(RecurringJobManager jobs, Seed seed)
    {
        var lastEvent = await database.ScalarAsync<long>("select coalesce(max(seq_id), 0) from events.mt_events");
        var job = jobs.TriggerJob(TicketJobs.Recheck);
        return await WaitForSweepAsync(job, lastEvent, seed.ExpectedEvidence);
    }

    public async Task<Row> ImportAsync()
    {
        var lines = options.DeclaredImeis / 2;
        var hamta = new List<double>();
        var own = new List<double>();
        var baseline = new List<double>();
        var phases = new Dictionary<string, List<double>>();
        await database.ResetStatementsAsync();
        for (var run = 1; run <= options.Runs; run++)
        {
            var file = Path.Combine(work, $"declarations-{run}.csv");
            await WriteDeclarationsAsync(file, run, lines);
            var (took, exit, output) = await HostProcess.RunCommandAsync(options.Repo, environment, log, "import-declarations", file);
            if (exit != 0 || !output.Contains(F($"{lines} device(s) imported"), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the import did not import every line: {output}");
            }

            var steps = ImportPhase().Matches(output).Select(m => (Name: m.Groups["name"].Value, Seconds: double.Parse(m.Groups["s"].Value, Invariant))).ToList();
            foreach (var (name, seconds) in steps)
            {
                (phases.TryGetValue(name, out var list) ? list : phases[name] = []).Add(seconds);
            }

            hamta.Add(2.0 * lines / took.TotalSeconds);
            own.Add(2.0 * lines / steps.Where(step => step.Name != PreparedPhase).Sum(step => step.Seconds));
            await database.ExecuteAsync("truncate bench_base.declarations");
            var watch = Stopwatch.StartNew();
            await using (var connection = await database.OpenAsync())
            {
                await using var copy = await connection.BeginTextImportAsync("copy bench_base.declarations from stdin (format csv, header true)");
                using var reader = new StreamReader(file);
                await copy.WriteAsync(await reader.ReadToEndAsync());
            }

            baseline.Add(2.0 * lines / watch.Elapsed.TotalSeconds);
            File.Delete(file);
            say($"  run {run}: import {hamta[^1]:0} IMEIs/s ({took.TotalSeconds:0.0} s; the import itself {own[^1]:0} IMEIs/s); COPY {baseline[^1]:0} IMEIs/s");
        }

        var rate = Stats.Median(hamta);
        var ownRate = Stats.Median(own);
        var copyRate = Stats.Median(baseline);
        var met = rate >= 0.3 * copyRate;
        string[] phaseLine = [F($"Phases of the import (medians, seconds): {string.Join("; ", phases.Select(phase => F($"{phase.Key} {Stats.Median(phase.Value):0.00}")))}")];
        return new Row(
            F($"bulk import of {options.DeclaredImeis:N0} declared IMEIs ({lines:N0} devices, the import-declarations command)"),
            F($"{rate:N0} IMEIs/s (process wall time, start-up included); {ownRate:N0} IMEIs/s the import itself ({ownRate / copyRate:0.00}× COPY)"),
            F($"{copyRate:N0} IMEIs/s (COPY of the same CSV into a bare table)"),
            F($"{rate / copyRate:0.00}×"),
            "≥ 0.3×",
            met,
            F($"import ±{Stats.SpreadPercent(hamta) / 2:0}%; COPY ±{Stats.SpreadPercent(baseline) / 2:0}%"),
            met ? phaseLine : [.. phaseLine, .. await database.TopStatementsAsync(6)]);
    }

    public async Task<Row> AuditAsync()
    {
        var hamta = new List<double>();
        var baseline = new List<double>();
        long replayed = 0;
        var differences = 0;
        await database.ResetStatementsAsync();
        for (var run = 1; run <= options.Runs; run++)
        {
            var (took, _, output) = await HostProcess.RunCommandAsync(options.Repo, environment, log, "audit", "--module", "tickets");
            var match = AuditLine().Match(output);
            if (!match.Success)
            {
                throw new InvalidOperationException($"the audit printed no report: {output}");
            }

            replayed = long.Parse(match.Groups["events"].Value, Invariant);
            differences = int.Parse(match.Groups["differences"].Value, Invariant);
            hamta.Add(replayed / (double.Parse(match.Groups["ms"].Value, Invariant) / 1000));
            baseline.Add(await SelectEventsAsync());
            say($"  run {run}: audit {hamta[^1]:0} events/s ({replayed} events, {differences} differences, {took.TotalSeconds:0.0} s with start-up); SELECT {baseline[^1]:0} events/s");
        }

        var rate = Stats.Median(hamta);
        var select = Stats.Median(baseline);
        var met = rate >= 20_000;
        return new Row(
            F($"projection rebuild: `audit --module tickets` ({replayed:N0} events, {differences} differences found)"),
            F($"{rate:N0} events/s"),
            F($"{select:N0} events/s (SELECT of the same events)"),
            F($"{rate / select:0.00}×"),
            "≥ 20,000 events/s",
            met,
            F($"audit ±{Stats.SpreadPercent(hamta) / 2:0}%; SELECT ±{Stats.SpreadPercent(baseline) / 2:0}%"),
            met ? [] : await database.TopStatementsAsync(6));
    }

    public static Row HostRow(IReadOnlyList<double> coldStarts, double peakRss)
    {
        var start = Stats.Median(coldStarts);
        var met = start <= 3 && peakRss <= 300;
        return new Row(
            "host: cold start to the first 200 of /login; resident memory under the submission load",
            F($"{start:0.00} s; peak RSS {peakRss:0} MB"),
            "—",
            "—",
            "≤ 3 s; ≤ 300 MB",
            met,
            F($"start ±{Stats.SpreadPercent(coldStarts) / 2:0}% over {coldStarts.Count} starts"),
            []);
    }

    /// <summary>
    /// Polls the events appended after <paramref name="lastEvent"/> (a range of the primary key: a poll that
    /// scanned the whole events table would take a core from the sweep it measures).
    /// </summary>
    private async Task<TimeSpan> WaitForSweepAsync(string job, long lastEvent, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(20))
        {
            var rows = await database.RowsAsync($"select count(*), max(timestamp) from events.mt_events where seq_id > {lastEvent} and type = 'network_evidence_recorded' /* bench_poll */");
            var started = await database.RowsAsync($"select min(createdat) from hangfire.state where jobid = {long.Parse(job, Invariant)} and name = 'Processing' /* bench_poll */");
            if ((long)rows[0][0] >= expected && started[0][0] is DateTime start)
            {
                return (DateTime)rows[0][1] - start;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the sweep did not record the expected evidence within 20 minutes");
    }

    private async Task<double> SelectEventsAsync()
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select e.seq_id, e.id, e.stream_id, e.version, e.data::text, e.type, e.timestamp, e.mt_dotnet_type, e.user_name
            from events.mt_events e join events.mt_streams s on s.id = e.stream_id
            where s.type = 'ticket' order by e.stream_id, e.version /* bench_baseline */
            """, connection);
        var watch = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync();
        long count = 0;
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(4);
            count++;
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    private async Task SampleMemoryAsync(HostProcess host, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            PeakRssMb = Math.Max(PeakRssMb, host.Memory().Rss);
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        PeakRssMb = Math.Max(PeakRssMb, host.Memory().Rss);
    }

    private static async Task WriteDeclarationsAsync(string file, int run, int lines)
    {
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid");
        var first = 37_000_000_000_000L + (run * 100_000_000L);
        for (var i = 0L; i < lines; i++)
        {
            await writer.WriteLineAsync(F($"{Luhn(first + (2 * i))},{Luhn(first + (2 * i) + 1)},Samsung,Galaxy A{i % 90 + 10},commercial,Bench Importer,,,,"));
        }
    }

    /// <summary>A 15-digit IMEI: the 14-digit body and its Luhn check digit.</summary>
    public static string Luhn(long body)
    {
        var digits = body.ToString("00000000000000", Invariant);
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var d = digits[i] - '0';
            sum += i % 2 == 1 ? (d * 2 / 10) + (d * 2 % 10) : d;
        }

        return digits + ((10 - (sum % 10)) % 10).ToString(Invariant);
    }

    private static double Median(List<LoadResult> results, Func<LoadResult, double> figure) => Stats.Median(results.Select(figure).ToList());

    private static string F(FormattableString text) => text.ToString(Invariant);

    private const string PreparedPhase = "database prepared";

    [GeneratedRegex(@"^(?<name>[^:\n]+): (?<s>\d+\.\d+) s$", RegexOptions.Multiline)]
    private static partial Regex ImportPhase();

    [GeneratedRegex(@"tickets/Ticket: (?<events>\d+) events replayed, (?<documents>\d+) documents compared, (?<differences>\d+) differences, (?<ms>\d+) ms")]
    private static partial Regex AuditLine();
}

/// <summary>CPU seconds of the Host, the PostgreSQL cluster and the load generator over the measured runs.</summary>
public sealed class CpuSplit
{
    private readonly int postmaster = PostmasterPid();
    private TimeSpan host, cluster, bench, wall;
    private TimeSpan hostStart, clusterStart, benchStart;
    private long wallStart;

    public void Begin(HostProcess process)
    {
        (hostStart, clusterStart, benchStart, wallStart) = (process.CpuTime(), ProcessCpu.OfCluster(postmaster), Process.GetCurrentProcess().TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    public void End(HostProcess process)
    {
        host += process.CpuTime() - hostStart;
        cluster += ProcessCpu.OfCluster(postmaster) - clusterStart;
        bench += Process.GetCurrentProcess().TotalProcessorTime - benchStart;
        wall += Stopwatch.GetElapsedTime(wallStart);
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"CPU over {wall.TotalSeconds:0} s of load on {Environment.ProcessorCount} cores: Host {host.TotalSeconds:0} s ({host / wall * 100:0}% of one core), PostgreSQL {cluster.TotalSeconds:0} s ({cluster / wall * 100:0}%), load generator {bench.TotalSeconds:0} s ({bench / wall * 100:0}%)");

    private static int PostmasterPid()
    {
        var pidFile = Environment.GetEnvironmentVariable("HAMTA_BENCH_PG_PIDFILE") ?? "";
        return File.Exists(pidFile) ? int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture) : -1;
    }
}
