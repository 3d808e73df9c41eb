using System.Globalization;

namespace Hamta.Bench;

/// <summary>What one bench run does: how much data, how many runs per figure, where it writes.</summary>
public sealed record BenchOptions(double Scale, int Runs, TimeSpan LoadDuration, int PgPort, int HttpPort, string Output, string Repo, IReadOnlySet<string> Only)
{
    public static readonly string[] ScenarioNames = ["host", "submission", "my-tickets", "sweep", "import", "audit", "sightings", "dump", "evidence", "statistics", "lists", "classification"];

    public const string Usage = "usage: Hamta.Bench [--scale 1] [--runs 3] [--load-seconds 20] [--out docs/benchmarks.md] [--only submission,sweep,…]";

    public int Tickets => Math.Max(1_000, (int)(1_000_000 * Scale));

    public int WaitingTickets => Math.Max(100, (int)(100_000 * Scale));

    public int Observations => Math.Max(1_000, (int)(10_000_000 * Scale));

    public int DeclaredImeis => Math.Max(2_000, (int)(1_000_000 * Scale));

    public int Subscribers => Math.Max(200, Tickets / 5);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException(Usage);
            }

            values[args[i][2..]] = args[i + 1];
        }

        var unknown = values.Keys.Except(["scale", "runs", "load-seconds", "out", "only"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option --{unknown[0]}; {Usage}");
        }

        var only = values.TryGetValue("only", out var names) ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() : [.. ScenarioNames];
        if (only.Except(ScenarioNames).FirstOrDefault() is { } unknownScenario)
        {
            throw new ArgumentException($"unknown scenario {unknownScenario}; the scenarios are {string.Join(", ", ScenarioNames)}");
        }

        var repo = FindRepo();
        var scale = Number(values, "scale", 1.0);
        return new BenchOptions(
            scale,
            (int)Number(values, "runs", 3),
            TimeSpan.FromSeconds(Number(values, "load-seconds", scale >= 1 ? 20 : 5)),
            int.Parse(Environment.GetEnvironmentVariable("HAMTA_BENCH_PG_PORT") ?? "55434", CultureInfo.InvariantCulture),
            int.Parse(Environment.GetEnvironmentVariable("HAMTA_BENCH_HTTP_PORT") ?? "5090", CultureInfo.InvariantCulture),
            Path.GetFullPath(values.GetValueOrDefault("out") ?? Path.Combine(repo, "docs", "benchmarks.md")),
            repo,
            only);
    }

    /// <summary>Whether this run measures <paramref name="scenario"/> (all of them unless <c>--only</c> names some).</summary>
    public bool Measures(string scenario) => Only.Contains(scenario);

    private static double Number(Dictionary<string, string> values, string name, double fallback) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hamta.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the bench from inside the Hamta repository (no Hamta.sln found above the current directory).");
    }
}
