using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hamta.Bench;
using Hamta.Failover;
using Npgsql;

// The failover drill (docs/reliability.md): Hamta on the cluster of scripts/ha.sh, under subscribers filing tickets and
// operators posting sightings, while the primary's PostgreSQL and then the primary's Patroni are killed with -9.
//   dotnet Hamta.Failover.dll [--only postgres,patroni] [--after-seconds 40]
var invariant = CultureInfo.InvariantCulture;
var repo = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(repo, "Hamta.sln")))
{
    repo = Path.GetDirectoryName(repo) ?? throw new InvalidOperationException("Run the drill from inside the Hamta repository.");
}

var only = args.Length >= 2 && args[0] == "--only" ? args[1].Split(',') : ["postgres", "patroni"];
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
        while (clock.Elapsed - killedAt < TimeSpan.FromSeconds(afterSeconds))
        {
            if (promoted is null && await cluster.LeaderAsync() is { } now && now != victim)
            {
                (promoted, promotedAt) = (now, clock.Elapsed);
                Say($"{now} promoted {(promotedAt - killedAt).TotalSeconds:0.0} s after the kill");
            }

            await Task.Delay(100);
        }

        await stop.CancelAsync();
        await load;
        var rejoin = await cluster.WaitHealthyAsync(TimeSpan.FromSeconds(180));
        var rejoinedAfter = clock.Elapsed - killedAt;
        Say($"cluster healthy again {rejoinedAfter.TotalSeconds:0} s after the kill (leader {await cluster.LeaderAsync()})");
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
sections.ForEach(s => report.AppendLine(s));
var reportPath = Path.Combine(work, "report.md");
await File.WriteAllTextAsync(reportPath, report.ToString());
Console.WriteLine(report);
Say($"wrote {reportPath}");
return 0;

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
    var failures = attempts.Where(a => !a.Accepted && a.Ended >= killedAt).ToList();
    var resumed = failures.Count == 0
        ? "no post refused"
        : attempts.Where(a => a.Accepted && a.Started >= failures.Max(f => f.Started)).Select(a => a.Ended).DefaultIfEmpty().Min() is var first && first > TimeSpan.Zero
            ? string.Create(invariant, $"{(first - killedAt).TotalSeconds:0.0} s ({failures.Count} posts refused)")
            : string.Create(invariant, $"not within the drill ({failures.Count} posts refused)");
    var promotion = promoted is null ? "none (same leader)" : string.Create(invariant, $"{(promotedAt - killedAt).TotalSeconds:0.0} s ({victim} → {promoted})");
    Say($"{target}: promotion {promotion}; writes {resumed}; tickets {traffic.AcceptedTickets.Count} accepted, {stored.Count} stored, {lostTickets} lost, {duplicated} duplicated; sightings {traffic.AcceptedSightings.Count} accepted, {lostSightings} lost; dead letters {deadLetters}");
    return string.Create(invariant,
        $"| the primary's {(target == "postgres" ? "PostgreSQL" : "Patroni")} | {promotion} | {resumed} | {traffic.AcceptedTickets.Count} / {stored.Count} / {lostTickets} / {duplicated} | {traffic.AcceptedSightings.Count} / {lostSightings} | {deadLetters} | {rejoinedAfter.TotalSeconds:0} s after the kill |");
}

static async Task<T> ScalarAsync<T>(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (T)(await command.ExecuteScalarAsync())!;
}

static async Task<List<string>> ColumnAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
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
