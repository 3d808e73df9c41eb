using System.Diagnostics;
using System.Text.Json;
using Hamta.Host.Infrastructure;
using Hangfire;

namespace Hamta.Bench;

/// <summary>
/// The classification (ADR 23) over 10M sightings and the registration list: a daily run in its steady state (the
/// states of yesterday's run in place, some IMEIs newly offending and as many no longer), against one set-based
/// statement computing the same conditions' matches over the same views.
/// </summary>
public sealed partial class Scenarios
{
    private const string ClassificationCause = "daily";

    /// <summary>
    /// The IMEIs of the classification's own sightings (five each, eight when cloned), on top of the seed's attach
    /// observations: 400,000 at scale 1, 2M sightings more.
    /// </summary>
    private int ClassificationImeis => Math.Max(1_000, (int)(400_000 * options.Scale));

    /// <summary>IMEIs newly offending since yesterday's run in each measured run, and as many whose cause went.</summary>
    private int DailyChanges => Math.Max(100, (int)(5_000 * options.Scale));

    private sealed record ClassificationCondition(string Label, string Kind, int Days, int ImsisPerDay);

    public async Task<Row> ClassificationAsync(Action<string> progress)
    {
        var conditions = ConfiguredConditions();
        await SeedClassificationAsync(progress);
        var matchesTime = await database.TimeAsync(MatchesStatement(conditions, "now()"));
        var expected = await MatchCountsAsync();
        progress(F($"classification: the set-based statement matched {Describe(expected)} in {matchesTime.TotalSeconds:0.0} s; yesterday's states written from it"));
        await YesterdaysStatesAsync();

        var classificationEnvironment = new Dictionary<string, string>(environment)
        {
            // The bench triggers the runs itself; neither the daily run nor the lists' publication may start in between.
            [$"Hamta__Jobs__{EnforcementJobs.Classify}"] = "0 0 1 1 *",
            [$"Hamta__Jobs__{ListJobs.PublishLists}"] = "0 0 1 1 *",
        };
        await using var host = HostProcess.Start(options.Repo, classificationEnvironment, log);
        await StartAndWaitAsync(host);
        var jobs = RecurringJobs();

        var hamta = new List<double>();
        var baseline = new List<double>();
        var cpu = new CpuSplit();
        var sameMatches = true;
        for (var run = 0; run <= options.Runs; run++)
        {
            if (run == 1)
            {
                await database.ResetStatementsAsync();
            }

            await TodaysChangesAsync();
            cpu.Begin(host);
            var (took, asOf, matched, newlyMet, lifted) = await ClassifyOnceAsync(jobs);
            cpu.End(host);
            await ReactionsDoneAsync();
            var bare = await database.TimeAsync(MatchesStatement(conditions, F($"'{asOf:O}'::timestamptz")));
            var same = await MatchCountsAsync();
            sameMatches &= matched.Count == same.Count && matched.All(m => same.GetValueOrDefault(m.Key) == m.Value);
            progress(F($"  {(run == 0 ? "warm-up" : $"run {run}")}: classification {took.TotalSeconds:0.0} s ({Describe(matched)}; {newlyMet} met, {lifted} lifted); one statement {bare.TotalSeconds:0.0} s"));
            if (run > 0)
            {
                hamta.Add(took.TotalSeconds);
                baseline.Add(bare.TotalSeconds);
            }
        }

        var seconds = Stats.Median(hamta);
        var statement = Stats.Median(baseline);
        var ratio = seconds / statement;
        var met = ratio <= 2 && sameMatches;
        var sightings = await database.ScalarAsync<long>("select count(*) from sim.sightings /* bench_baseline */");
        var imeis = await database.ScalarAsync<long>("select count(distinct imei) from sim.sightings /* bench_baseline */");
        var registered = await database.ScalarAsync<long>("select count(*) from devices.imeis /* bench_baseline */");
        return new Row(
            F($"classification, a daily run ({sightings:N0} sightings of {imeis:N0} IMEIs, {registered:N0} registered IMEIs; {Describe(expected)}; {DailyChanges:N0} newly met and {DailyChanges:N0} lifted a run)"),
            F($"{seconds:0.0} s (the job's run, from its start to its commit)"),
            F($"{statement:0.0} s (one statement computing the same matches into a table){(sameMatches ? "" : "; **the run's matches differed from the statement's**")}"),
            F($"{ratio:0.0}×"),
            "≤ 2×",
            met,
            F($"run ±{Stats.SpreadPercent(hamta) / 2:0}%; statement ±{Stats.SpreadPercent(baseline) / 2:0}%"),
            met ? [] : [cpu.Describe(), .. await database.TopStatementsAsync(8)]);
    }

    /// <summary>
    /// Sightings of the last ten days: five a day-apart per IMEI, most with the owner's SIM; one IMEI in 25 registered
    /// nowhere, one in 200 malformed, one in 100 used with a stranger's SIM, one in 1,000 cloned (four IMSIs on each of
    /// two days). Every registered device has a second IMEI the network did not see; half of the devices are owned. The
    /// seed's attach observations (the sweep's sightings, 10M at scale 1, a third of them in the window) are of IMEIs
    /// registered too, one in 25 excepted, as unowned devices.
    /// </summary>
    private async Task SeedClassificationAsync(Action<string> progress)
    {
        var imeis = ClassificationImeis;
        var subscribers = options.Subscribers;
        progress(F($"classification: {imeis * 5:N0} more sightings of {imeis:N0} IMEIs, and their registration list"));
        await database.ExecuteAsync($$"""
            {{Seed.SightingPartitions("select (current_date - n) from generate_series(0, 11) n")}}
            create table bench_seed.classified as
              select i, s.n subscriber, s.national_id, s.mobile,
                     bench_seed.imei(40000000000000 + i) imei,
                     i % 200 = 0 malformed, i % 25 = 1 unregistered, i % 2 = 1 owned, i % 100 = 7 stranger, i % 1000 = 3 cloned
              from generate_series(0, {{imeis - 1}}) i join bench_seed.subscribers s on s.n = i % {{subscribers}};
            alter table bench_seed.classified add primary key (i);
            """);
        await database.ExecuteAsync($"""
            insert into sim.sightings (imei, imei_valid, imsi, msisdn, national_id, operator, observed_at, received_at)
            select case when c.malformed then left(c.imei, 14) || ((right(c.imei, 1)::int + 1) % 10)::text else c.imei end,
                   not c.malformed,
                   '43211' || lpad(u.n::text, 10, '0'), u.mobile, u.national_id, 'bench-operator',
                   date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - make_interval(days => 1 + case when c.cloned then k / 4 else (c.i + 2 * k) % 10 end)
                     + make_interval(secs => (c.i * 7 + k) % 86000),
                   now()
            from bench_seed.classified c
            cross join lateral generate_series(0, case when c.cloned then 7 else 4 end) k
            join bench_seed.subscribers u on u.n = case when c.stranger then (c.subscriber + 1) % {subscribers}
                                                         when c.cloned then (c.subscriber + k) % {subscribers}
                                                         else c.subscriber end
            on conflict do nothing;
            """);
        progress("classification: the registration list");
        await database.ExecuteAsync("""
            create table bench_seed.classified_devices as
              select c.i, gen_random_uuid() device_id, c.imei, bench_seed.imei(50000000000000 + c.i) second_imei, c.owned, c.mobile, c.national_id
              from bench_seed.classified c where not c.unregistered and not c.malformed;
            insert into devices.imeis (imei, device_id)
              select imei, device_id from bench_seed.classified_devices
              union all
              select second_imei, device_id from bench_seed.classified_devices;
            insert into devices.imeis (imei, device_id)
              select o.imei, gen_random_uuid() from (select distinct imei from bench_seed.observations) o
              where hashtext(o.imei) % 25 <> 0
              on conflict do nothing;
            insert into devices.mt_doc_device (id, data, mt_dotnet_type, mt_version, mt_last_modified)
              select device_id, jsonb_build_object('Id', device_id, 'Imeis', jsonb_build_array(imei, second_imei), 'Brand', 'Samsung',
                                                   'Model', 'Galaxy A54', 'ImportType', 0, 'Importer', 'Bench Importer',
                                                   'DeclaredAt', '2025-01-01T00:00:00.000000+00:00',
                                                   'OwnerSim', case when owned then mobile end, 'OwnerNationalId', case when owned then national_id end),
                     'Hamta.Devices.Registry.Device', 1, now()
              from bench_seed.classified_devices;
            analyze sim.sightings;
            analyze devices.imeis;
            analyze devices.mt_doc_device;
            checkpoint;
            """);
    }

    /// <summary>The matches of yesterday's run: every match of today as a state a day old, in its grace period.</summary>
    private async Task YesterdaysStatesAsync()
    {
        await database.ExecuteAsync($"""
        truncate enforcement.imei_states;
        insert into enforcement.imei_states (imei, condition, blocking, reason, met_at, deadline, imsi, msisdn, operator, cause)
        select imei, condition, true, 'bench', now() - interval '1 day', now() + interval '29 days', imsi, msisdn, operator, 'daily'
        from bench_base.classification_matches;
        create table bench_base.classification_today as
          select imei, condition from enforcement.imei_states order by md5(imei || condition) limit {DailyChanges};
        """);
        await database.ExecuteAsync("vacuum analyze enforcement.imei_states");
    }

    /// <summary>
    /// Puts the states as yesterday's run left them, less <see cref="DailyChanges"/> matches (newly offending today) and
    /// with as many states whose cause has gone (registered since): every run does the same work.
    /// </summary>
    private Task TodaysChangesAsync() => database.ExecuteAsync($"""
        delete from enforcement.imei_states s using bench_base.classification_today t
          where s.imei = t.imei and s.condition = t.condition;
        insert into enforcement.imei_states (imei, condition, blocking, reason, met_at, deadline, imsi, msisdn, operator, cause)
        select bench_seed.imei(45000000000000 + n), 'not-registered', true, 'bench', now() - interval '1 day', now() + interval '29 days',
               '43211' || lpad(n::text, 10, '0'), '0913' || lpad(n::text, 7, '0'), 'bench-operator', 'daily'
        from generate_series(1, {DailyChanges}) n
        on conflict do nothing;
        """);

    /// <summary>Triggers the daily run and waits for its commit: how long it took, the instant it classified as of, and what it found.</summary>
    private async Task<(TimeSpan Took, DateTimeOffset AsOf, Dictionary<string, long> Matched, int Met, int Lifted)> ClassifyOnceAsync(RecurringJobManager jobs)
    {
        var before = await database.ScalarAsync<DateTime>("select now() /* bench_poll */");
        jobs.TriggerJob(EnforcementJobs.Classify);
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < TimeSpan.FromMinutes(30))
        {
            var rows = await database.RowsAsync($"""
                select clock_timestamp() - started_at, conditions::text, stopped, met, lifted, started_at from enforcement.classification_runs
                where cause = '{ClassificationCause}' and started_at > '{before:O}'::timestamp at time zone 'UTC' /* bench_poll */
                """);
            if (rows.Count > 0)
            {
                if ((bool)rows[0][2])
                {
                    throw new InvalidOperationException($"the classification run was stopped by its safety cap: {rows[0][1]}");
                }

                var matched = JsonSerializer.Deserialize<JsonElement>((string)rows[0][1]).EnumerateArray()
                    .ToDictionary(c => c.GetProperty("Condition").GetString()!, c => c.GetProperty("Matched").GetInt64());
                return ((TimeSpan)rows[0][0], new DateTimeOffset((DateTime)rows[0][5], TimeSpan.Zero), matched, (int)rows[0][3], (int)rows[0][4]);
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the classification run did not commit within 30 minutes");
    }

    private async Task<Dictionary<string, long>> MatchCountsAsync() =>
        (await database.RowsAsync("select condition, count(*) from bench_base.classification_matches group by condition /* bench_baseline */"))
        .ToDictionary(r => (string)r[0], r => (long)r[1]);

    private static string Describe(IReadOnlyDictionary<string, long> matched) =>
        string.Join(", ", matched.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => F($"{m.Key} {m.Value:N0}")));

    /// <summary>The Host's conditions, read from the published appsettings.json the bench's Host runs with.</summary>
    private List<ClassificationCondition> ConfiguredConditions()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(HostProcess.Folder(options.Repo), "appsettings.json")));
        return settings.RootElement.GetProperty("Hamta").GetProperty("Enforcement").GetProperty("Conditions").EnumerateArray()
            .Select(c => new ClassificationCondition(
                c.GetProperty("Label").GetString()!, c.GetProperty("Kind").GetString()!,
                c.TryGetProperty("Days", out var days) ? days.GetInt32() : 1,
                c.TryGetProperty("ImsisPerDay", out var imsis) ? imsis.GetInt32() : 3))
            .ToList();
    }

    /// <summary>
    /// One statement computing every condition's matches over the same views and window, written to a table: the
    /// latest sighting of each IMEI, the days each owned IMEI was used by a stranger, the days each IMEI had too many IMSIs.
    /// The window ends at <paramref name="asOf"/>, the instant a run classified as of: sightings keep arriving in the
    /// window while the bench runs, and the statement must match what the run saw.
    /// </summary>
    private static string MatchesStatement(IReadOnlyList<ClassificationCondition> conditions, string asOf)
    {
        var matches = conditions.Select(c => c.Kind switch
        {
            "NotRegistered" => $"select '{c.Label}' condition, l.* from latest l where l.imei_valid and not exists (select 1 from devices.registered_imeis_v r where r.imei = l.imei)",
            "Malformed" => $"select '{c.Label}', l.* from latest l where not l.imei_valid",
            "NonOwnerSim" => $"""
                select '{c.Label}', l.* from latest l join devices.registered_imeis_v r on r.imei = l.imei
                  join strangers s on s.imei = l.imei and s.owner_national_id = r.owner_national_id
                where r.owner_national_id is not null and l.national_id is distinct from r.owner_national_id and s.days > {c.Days}
                """,
            _ => $"""
                select '{c.Label}', l.* from latest l join (
                  select imei from crowded where imsis > {c.ImsisPerDay} group by imei having count(*) >= {c.Days}) x on x.imei = l.imei
                """,
        });
        return $"""
            drop table if exists bench_base.classification_matches;
            create table bench_base.classification_matches as
            with window_sightings as (
              select * from sim.sightings_v where observed_at > {asOf} - interval '30 days' and observed_at <= {asOf}),
            latest as (
              select distinct on (imei) imei, imsi, msisdn, operator, national_id, imei_valid from window_sightings order by imei, observed_at desc),
            strangers as (
              select s.imei, r.owner_national_id, count(distinct (s.observed_at at time zone 'UTC')::date) days
              from window_sightings s join devices.registered_imeis_v r on r.imei = s.imei
              where r.owner_national_id is not null and s.national_id is distinct from r.owner_national_id
              group by s.imei, r.owner_national_id),
            crowded as (
              select imei, (observed_at at time zone 'UTC')::date, count(distinct imsi) imsis from window_sightings where imei_valid group by 1, 2)
            select condition, imei, imsi, msisdn, operator, national_id from (
            {string.Join("\nunion all\n", matches)}
            ) m(condition, imei, imsi, msisdn, operator, national_id, imei_valid) /* bench_baseline */
            """;
    }
}
