using System.Diagnostics;
using System.Globalization;
using Hamta.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var clock = Stopwatch.StartNew();
var startedAt = DateTimeOffset.UtcNow;
var loadAtStart = Machine.LoadAverage();
void Say(string message) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed:mm\\:ss}] {message}"));

var work = Directory.CreateDirectory(Path.Combine(options.Repo, ".data", "bench-work")).FullName;
File.Delete(Path.Combine(work, "host.log"));
Say($"fresh database hamta_bench on 127.0.0.1:{options.PgPort}; Host log in {work}/host.log");
var database = await Database.CreateFreshAsync(options.PgPort, "hamta_bench");
var environment = HostProcess.Environment(options.Repo, database, options.HttpPort);
var scenarios = new Scenarios(options, database, environment, work, Say);

await using (var first = scenarios.StartHost())
{
    Say($"schema created by the first start in {(await scenarios.StartAndWaitAsync(first)).TotalSeconds:0.0} s");
}

var seed = new Seed(database, options);
if (options.Only.IsSubsetOf(["import", "sightings", "dump", "evidence"]))
{
    Say("generating the subscribers only (the import, the sightings and the evidence scenario seed what they need themselves)");
    await seed.SubscribersOnlyAsync(Say);
}
else
{
    Say("generating data");
    await seed.RunAsync(Say);
}

var coldStarts = new List<double>();
for (var run = 0; options.Measures("host") && run < options.Runs; run++)
{
    await using var host = scenarios.StartHost();
    coldStarts.Add((await scenarios.StartAndWaitAsync(host)).TotalSeconds);
    Say($"cold start {run + 1}: {coldStarts[^1]:0.00} s to the first 200");
}

var rows = new List<Row>();
await using (var host = scenarios.StartHost())
{
    await scenarios.StartAndWaitAsync(host);
    if (options.Measures("submission") || options.Measures("host"))
    {
        rows.AddRange(await scenarios.SubmissionAsync(host));
    }

    if (options.Measures("my-tickets"))
    {
        Say("my tickets");
        rows.Add(await scenarios.MyTicketsAsync());
    }

    if (options.Measures("sweep"))
    {
        Say("sweep");
        rows.Add(await scenarios.SweepAsync(host, seed));
    }

    if (options.Measures("statistics"))
    {
        Say("statistics");
        rows.Add(await scenarios.StatisticsAsync());
    }
}

if (options.Measures("import"))
{
    Say("import");
    rows.Add(await scenarios.ImportAsync());
}

if (options.Measures("sightings") || options.Measures("dump"))
{
    Say("sightings");
    rows.AddRange(await scenarios.SightingsAsync());
}

if (options.Measures("evidence"))
{
    Say("evidence to resolved");
    rows.Add(await scenarios.EvidenceAsync());
}

if (options.Measures("lists"))
{
    Say("list delta");
    rows.Add(await scenarios.ListDeltaAsync());
}

if (options.Measures("classification"))
{
    Say("classification");
    rows.Add(await scenarios.ClassificationAsync(Say));
}

if (options.Measures("audit"))
{
    Say("audit");
    rows.Add(await scenarios.AuditAsync());
}

if (options.Measures("host"))
{
    rows.Add(Scenarios.HostRow(coldStarts, scenarios.PeakRssMb));
}

var machine = await Machine.DescribeAsync(database, loadAtStart);
await File.WriteAllTextAsync(options.Output, Report.Markdown(options, machine, rows, environment, startedAt, clock.Elapsed));
Say($"wrote {options.Output}");
foreach (var row in rows)
{
    Say($"{(row.Met ? "met   " : "MISSED")} {row.Scenario}: {row.Figure} | {row.Baseline} | {row.Ratio}");
}

return 0;
