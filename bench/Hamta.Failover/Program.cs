using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hamta.Bench;
using Hamta.Failover;
using Npgsql;

// The failover drill (docs/failover.md): Hamta on the cluster of scripts/ha.sh, under subscribers filing tickets and
// operators posting sightings, while the primary's PostgreSQL and then the primary's Patroni are killed with -9.
//   dotnet Hamta.Failover.dll [--only wal,postgres,patroni] [--after-seconds 40]
var invariant = CultureInfo.InvariantCulture;
var repo = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(repo, "Hamta.sln")))
{
    repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("Run the drill from inside the Hamta repository.");
}

var only = args.Length >= 2 && args[0] == "--only" ? args[1].Split(',') : ["wal", "postgres", "patroni"];
var afterSeconds = args.Length >= 2 && args[^2] == "--after-seconds" ? int.Parse(args[^1], invariant) : 40;
var clock = Stopwatch.StartNew();
void Say(string message) => Console.WriteLine(string.Create(invariant, $"[{clock.Elapsed:mm\\:ss}] {message}"));

var cluster = new Cluster(repo, int.Parse(Environment.GetEnvironmentVariable("HAMTA_HA_PORT_BASE") ?? "55450", invariant));
var httpPort = int.Parse(Environment.GetEnvironmentVariable("HAMTA_FAILOVER_HTTP_PORT") ?? "5095", invariant);
await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(60));
var leader = await cluster.LeaderAsync() ?? throw new InvalidOperationException("no leader");
const string DatabaseName = "hamta_drill";
var database = await Database.CreateFreshAsync(cluster.PgPort(leader), DatabaseName);
const string OperatorKey = "drill-operator-key";
var environment = HostProcess.Environment(repo, database, httpPort);
environment["ConnectionStrings__Hamta"] = cluster.Primary(DatabaseName);
environment["ConnectionStrings__HamtaReads"] = cluster.PreferStandby(DatabaseName);
environment[$"Hamta__Operators__{Traffic.Operator}"] = OperatorKey;
var work = Directory.CreateDirectory(Path.Combine(repo, ".data", "failover")).FullName;
var log = Path.Combine(work, "host.log");
File.Delete(log);
var baseUrl = environment["ASPNETCORE_URLS"];

Say($"fresh database {DatabaseName} on {leader}; Host log in {log}");
await using (var first = HostProcess.Start(repo, environment, log))
{
    await first.WaitForFirst200Async($"{baseUrl}/login", TimeSpan.FromMinutes(3));
}

await new Seed(database, BenchOptions.Parse(["--scale", "0.0001"])).RunAsync(Say);
var sections = new List<string>();
await using (var host = HostProcess.Start(repo, environment, log))
{
    await host.WaitForFirst200Async($"{baseUrl}/login", TimeSpan.FromMinutes(3));
    var portals = new List<Portal>();
    for (var n = 1; n <= 16; n++)
    {
        var portal = new Portal(baseUrl, database);
        await portal.SignInAsync(Seed.MobileOf(n));
        await portal.OpenTicketFormAsync();
        portals.Add(portal);
    }

    foreach (var target in only)
    {
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        if (target == "wal")
        {
            sections.Add(await WalRateAsync(portals));
            continue;
        }

        var victim = await cluster.LeaderAsync() ?? throw new InvalidOperationException("no leader");
        var traffic = new Traffic(baseUrl, OperatorKey, clock);
        using var stop = new CancellationTokenSource();
        var load = traffic.RunAsync(target, portals, 2, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var killedAt = clock.Elapsed;
        Say($"kill -9 {target} of the primary {victim}");
        if (target == "postgres")
        {
            cluster.KillPostgres(victim);
        }
        else
        {
            cluster.KillPatroni(victim);
        }

        string? promoted = null;
        var promotedAt = TimeSpan.Zero;
        var wasUnhealthy = false;
        TimeSpan? healthyAgainAt = null;
        while (clock.Elapsed - killedAt < TimeSpan.FromSeconds(afterSeconds))
        {
            if (promoted is null && await cluster.LeaderAsync() is { } now && now != victim)
            {
                (promoted, promotedAt) = (now, clock.Elapsed);
                Say($"{now} promoted {(promotedAt - killedAt).TotalSeconds:0.0} s after the kill");
            }

            if (healthyAgainAt is null)
            {
                var healthy = await cluster.HealthyAsync();
                wasUnhealthy |= !healthy;
                healthyAgainAt = wasUnhealthy && healthy ? clock.Elapsed : null;
            }

            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await load;
        await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(180));
        var rejoinedAfter = (healthyAgainAt ?? clock.Elapsed) - killedAt;
        Say($"three members streaming again {rejoinedAfter.TotalSeconds:0.0} s after the kill (leader {await cluster.LeaderAsync()})");
        await DrainAsync(cluster.Primary(DatabaseName));
        sections.Add(await FigureAsync(target, victim, promoted, killedAt, promotedAt, rejoinedAfter, traffic));
    }
}

var audit = await HostProcess.RunCommandAsync(repo, environment, log, "audit");
var differences = AuditDifferences().Matches(audit.Output).Sum(m => int.Parse(m.Groups[1].Value, invariant));
var report = new StringBuilder();
report.AppendLine(string.Create(invariant, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; `audit` after both drills: {differences} differences (exit code {audit.ExitCode})."));
report.AppendLine();
report.AppendLine("| kill -9 | promotion | writes accepted again | tickets accepted / stored / lost / duplicated | sightings accepted / lost | dead letters | old primary back as a standby |");
report.AppendLine("|---|---|---|---|---|---|---|");
sections.Where(s => s.StartsWith('|')).ToList().ForEach(s => report.AppendLine(s));
report.AppendLine();
sections.Where(s => !s.StartsWith('|')).ToList().ForEach(s => report.AppendLine(s));
var reportPath = Path.Combine(work, "report.md");
await File.WriteAllTextAsync(reportPath, report.ToString());
Console.WriteLine(report);
Say($"wrote {reportPath}");
return 0;

// The WAL the primary writes for each kind of write, tickets alone then sightings alone, 15 s each with everything
// they set off drained: the bytes pg_current_wal_lsn() moved, per accepted ticket or sighting and per second.
async Task<string> WalRateAsync(IReadOnlyList<Portal> portals)
{
    var primary = cluster.Primary(DatabaseName);
    var figures = new List<string>();
    foreach (var (kind, clients, operators) in new[] { ("tickets", portals, 0), ("sightings", (IReadOnlyList<Portal>)[], 2) })
    {
        await DrainAsync(primary);
        var traffic = new Traffic(baseUrl, OperatorKey, clock);
        var before = await ScalarAsync<decimal>(primary, "select pg_current_wal_lsn() - '0/0'");
        var watch = Stopwatch.StartNew();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await traffic.RunAsync($"wal-{kind}", clients, operators, stop.Token);
        }

        await DrainAsync(primary);
        var seconds = watch.Elapsed.TotalSeconds;
        var bytes = await ScalarAsync<decimal>(primary, "select pg_current_wal_lsn() - '0/0'") - before;
        var count = kind == "tickets" ? traffic.AcceptedTickets.Count : traffic.AcceptedSightings.Count;
        figures.Add(string.Create(invariant, $"{kind}: {count} accepted in 15 s ({count / 15.0:0}/s; {seconds:0} s with what they set off drained), {bytes / 1024 / 1024:0.0} MB of WAL, {bytes / Math.Max(count, 1) / 1024:0.0} kB each"));
        Say($"WAL of {figures[^1]}");
    }

    return "WAL: " + string.Join("; ", figures);
}

async Task DrainAsync(string connectionString)
{
    for (var i = 0; i < 600; i++)
    {
        if (await ScalarAsync<long>(connectionString, """
            select (select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled')
                 + (select count(*) from wolverine.wolverine_outgoing_envelopes)
            """) == 0)
        {
            return;
        }

        await Task.Delay(200);
    }

    Say("the inbox and outbox did not drain within 120 s");
}

async Task<string> FigureAsync(string target, string victim, string? promoted, TimeSpan killedAt, TimeSpan promotedAt, TimeSpan rejoinedAfter, Traffic traffic)
{
    var primary = cluster.Primary(DatabaseName);
    var stored = await ColumnAsync(primary, $"select data->>'Description' from tickets.mt_doc_ticket where data->>'Description' like 'drill {target}-%'");
    var storedSet = stored.ToHashSet();
    var lostTickets = traffic.AcceptedTickets.Count(d => !storedSet.Contains(d));
    var duplicated = stored.Count - storedSet.Count;
    var sightings = (await ColumnAsync(primary, $"select data->>'Imei' from sim.mt_doc_attachobservation where data->>'Operator' = '{Traffic.Operator}'")).ToHashSet();
    var lostSightings = traffic.AcceptedSightings.Count(i => !sightings.Contains(i));
    var deadLetters = await ScalarAsync<long>(primary, "select count(*) from wolverine.wolverine_dead_letters");
    var attempts = traffic.TicketAttempts.ToList();
    var refused = attempts.Count(a => !a.Accepted && a.Ended >= killedAt);
    var lastRefusal = attempts.Where(a => !a.Accepted && a.Ended >= killedAt).Select(a => a.Started).DefaultIfEmpty(killedAt).Max();
    var firstAfter = attempts.Where(a => a.Accepted && a.Started >= lastRefusal && a.Started >= killedAt).Select(a => a.Ended).DefaultIfEmpty().Min();
    var slowest = attempts.Where(a => a.Accepted && a.Ended >= killedAt).Select(a => a.Ended - a.Started).DefaultIfEmpty().Max();
    var resumed = firstAfter > TimeSpan.Zero
        ? string.Create(invariant, $"{(firstAfter - killedAt).TotalSeconds:0.0} s ({refused} posts refused, slowest accepted post {slowest.TotalSeconds:0.0} s)")
        : string.Create(invariant, $"not within the drill ({refused} posts refused)");
    var promotion = promoted is null ? "none (same leader)" : string.Create(invariant, $"{(promotedAt - killedAt).TotalSeconds:0.0} s ({victim} → {promoted})");
    Say($"{target}: promotion {promotion}; writes {resumed}; tickets {traffic.AcceptedTickets.Count} accepted, {stored.Count} stored, {lostTickets} lost, {duplicated} duplicated; sightings {traffic.AcceptedSightings.Count} accepted, {lostSightings} lost; dead letters {deadLetters}");
    return string.Create(invariant,
        $"| the primary's {(target == "postgres" ? "PostgreSQL" : "Patroni")} | {promotion} | {resumed} | {traffic.AcceptedTickets.Count} / {stored.Count} / {lostTickets} / {duplicated} | {traffic.AcceptedSightings.Count} / {lostSightings} | {deadLetters} | {rejoinedAfter.TotalSeconds:0.0} s after the kill |");
}

// The drill's own reads open a fresh connection each time: a pooled one may be the one a kill broke.
static async Task<T> ScalarAsync<T>(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task<List<string>> ColumnAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    var values = new List<string>();
    while (await reader.ReadAsync())
    {
        values.Add(reader.GetString(0));
    }

    return values;
}

internal static partial class Program
{
    [GeneratedRegex(@"(\d+) differences")]
    private static partial Regex AuditDifferences();
}
