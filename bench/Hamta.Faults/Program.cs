using System.Diagnostics;
using System.Globalization;
using Hamta.Bench;
using Hamta.Faults;

IDrill[] drills =
[
    new KillDrill(),
    new ChainDrill(),
    new DatabaseDrill("db-restart", "PostgreSQL `restart -m immediate` under 16 clients filing tickets, Host not restarted", TimeSpan.Zero),
    new DatabaseDrill("db-outage", "PostgreSQL stopped 60 s under 16 clients filing tickets, Host not restarted", TimeSpan.FromSeconds(60)),
    new FreezeDrill(),
    new LeaderDrill(),
];

FaultOptions options;
try
{
    options = FaultOptions.Parse(args, [.. drills.Select(d => d.Name)]);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var clock = Stopwatch.StartNew();
var startedAt = DateTimeOffset.UtcNow;
void Say(string message) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:mm\\:ss}] {message}"));

var work = Directory.CreateDirectory(Path.Combine(options.Repo, ".data", "faults-work")).FullName;
foreach (var log in Directory.EnumerateFiles(work, "host-*.log"))
{
    File.Delete(log);
}

Say($"fresh database hamta_faults on 127.0.0.1:{options.PgPort}; Host logs in {work}");
var database = await Database.CreateFreshAsync(options.PgPort, "hamta_faults");
var context = new FaultContext(options, database, await Cluster.OfAsync(database, options.PgBin), work, Say);
await using (var first = context.StartHost(0))
{
    await first.WaitForFirst200Async($"{context.BaseUrl(0)}/login", TimeSpan.FromMinutes(3));
}

// The bench's generator at its smallest: 200 subscribers who can sign in, a thousand tickets, some waiting for evidence.
var seed = new Seed(database, new BenchOptions(0.001, 1, TimeSpan.FromSeconds(5), options.PgPort, options.HttpPort(0), options.Output, options.Repo, new HashSet<string>()));
await seed.RunAsync(Say);

var rows = new List<DrillRow>();
foreach (var drill in drills.Where(d => options.Only.Contains(d.Name)))
{
    Say($"drill {drill.Name}");
    IReadOnlyList<DrillRow> drillRows;
    try
    {
        drillRows = await drill.RunAsync(context);
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        // A drill that breaks down is a row of the report, not the end of the run: the others still run.
        drillRows = [new DrillRow(drill.Name, $"the drill stopped before its figures: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}", "(its own)", false, [])];
    }

    rows.AddRange(drillRows);
    foreach (var row in drillRows)
    {
        Say($"{(row.Met ? "met   " : "MISSED")} {row.Drill}: {row.Figures}");
    }
}

await File.WriteAllTextAsync(options.Output, FaultReport.Markdown(rows, startedAt, clock.Elapsed));
Say($"wrote {options.Output}");
return rows.All(r => r.Met) ? 0 : 1;
