using System.Globalization;

namespace Hamta.Faults;

/// <summary>What one fault run does: which drills, on which ports, where it writes.</summary>
public sealed record FaultOptions(int PgPort, int FirstHttpPort, string PgBin, string Output, string Repo, IReadOnlyList<string> Only)
{
    public const string Usage = "usage: Hamta.Faults [--only kill,chain,db-restart,db-outage,freeze,leader] [--out docs/reliability.md]";

    /// <summary>The Host's ports: 127.0.0.1 only, 5190-5199 unless HAMTA_FAULTS_HTTP_PORT moves them.</summary>
    public int HttpPort(int node) => FirstHttpPort + node;

    public static FaultOptions Parse(string[] args, IReadOnlyList<string> drillNames)
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

        if (values.Keys.Except(["only", "out"]).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"unknown option --{unknown}; {Usage}");
        }

        var only = values.TryGetValue("only", out var names)
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : [.. drillNames];
        if (only.Except(drillNames).FirstOrDefault() is { } unknownDrill)
        {
            throw new ArgumentException($"unknown drill {unknownDrill}; the drills are {string.Join(", ", drillNames)}");
        }

        var repo = FindRepo();
        return new FaultOptions(
            Port("HAMTA_FAULTS_PG_PORT", 55440),
            Port("HAMTA_FAULTS_HTTP_PORT", 5190),
            Environment.GetEnvironmentVariable("HAMTA_FAULTS_PG_BIN") ?? "/usr/lib/postgresql/15/bin",
            Path.GetFullPath(values.GetValueOrDefault("out") ?? Path.Combine(repo, "docs", "reliability.md")),
            repo,
            only);
    }

    private static int Port(string variable, int fallback) =>
        int.Parse(Environment.GetEnvironmentVariable(variable) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hamta.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the drill from inside the Hamta repository (no Hamta.sln found above the current directory).");
    }
}
