using System.Diagnostics;
using System.Globalization;
using Hamta.Bench;

namespace Hamta.Faults;

/// <summary>What every drill shares: the database and its cluster, the published Host, the subscribers, the log.</summary>
public sealed class FaultContext(FaultOptions options, Database database, Cluster cluster, string work, Action<string> say)
{
    private int signedIn;
    private Dictionary<string, string>? deployment;

    public FaultOptions Options => options;

    public Database Database => database;

    public Cluster Cluster => cluster;

    public string Work => work;

    public static string HostFolder(string repo) => Path.Combine(repo, ".data", "faults-host");

    public void Say(string message) => say(message);

    /// <summary>
    /// The environment of node <paramref name="node"/>: the bench's (the image's runtime settings, rate limits out of the
    /// way), but several nodes as the image runs them (<c>Hamta:SingleNode=false</c>) and the recurring jobs at their defaults.
    /// </summary>
    public Dictionary<string, string> Environment(int node, IReadOnlyDictionary<string, string>? extra = null)
    {
        // One set of secrets (code key, key-ring certificate, operator keys) for every node and every restart, as a
        // deployment keeps them: a restarted node reads the cookies and hashes the others made.
        deployment ??= HostProcess.Environment(options.Repo, database, options.HttpPort(0));
        var environment = new Dictionary<string, string>(deployment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{options.HttpPort(node)}" };
        environment["Hamta__SingleNode"] = "false";
        foreach (var job in environment.Keys.Where(k => k.StartsWith("Hamta__Jobs__", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(job);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    public string BaseUrl(int node) => $"http://127.0.0.1:{options.HttpPort(node)}";

    /// <summary>Starts node <paramref name="node"/>; refuses when something else listens on its port (it would answer for it).</summary>
    public HostProcess StartHost(int node, IReadOnlyDictionary<string, string>? extra = null)
    {
        using (var probe = new System.Net.Sockets.TcpClient())
        {
            try
            {
                probe.Connect("127.0.0.1", options.HttpPort(node));
                throw new InvalidOperationException($"127.0.0.1:{options.HttpPort(node)} is taken by another process (a Host left from an earlier run?): stop it first.");
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
        }

        return HostProcess.StartFrom(HostFolder(options.Repo), Environment(node, extra), Path.Combine(work, $"host-{node}.log"));
    }

    /// <summary>Starts node <paramref name="node"/> and waits until it serves the login page: the seconds that took.</summary>
    public async Task<(HostProcess Host, double Seconds)> StartServingAsync(int node, IReadOnlyDictionary<string, string>? extra = null)
    {
        var host = StartHost(node, extra);
        var took = await host.WaitForFirst200Async($"{BaseUrl(node)}/login", TimeSpan.FromMinutes(2));
        return (host, took.TotalSeconds);
    }

    /// <summary>
    /// Signs in <paramref name="count"/> seeded subscribers on node <paramref name="node"/>, others than earlier drills
    /// signed in (the portal reads the newest login code of a number: an earlier one would be taken for it).
    /// </summary>
    public async Task<List<Portal>> SignInAsync(int node, int count)
    {
        var portals = new List<Portal>();
        var first = signedIn + 1;
        signedIn += count;
        for (var n = first; n <= signedIn; n++)
        {
            var portal = new Portal(BaseUrl(node), database);
            await portal.SignInAsync(Seed.MobileOf(n));
            portals.Add(portal);
        }

        return portals;
    }

    /// <summary>Waits until no message is waiting in the inbox or the outbox (handled, or dead-lettered), up to <paramref name="limit"/>.</summary>
    public async Task<TimeSpan> WaitForQuietAsync(TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            var waiting = await database.ScalarAsync<long>("""
                select (select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled')
                     + (select count(*) from wolverine.wolverine_outgoing_envelopes)
                """);
            if (waiting == 0)
            {
                return watch.Elapsed;
            }

            await Task.Delay(250);
        }

        return watch.Elapsed;
    }

    /// <summary>The newest start-up line of node <paramref name="node"/>'s log: where its seconds went before it served.</summary>
    public string StartupBreakdown(int node)
    {
        using var file = new FileStream(Path.Combine(work, $"host-{node}.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var line = reader.ReadToEnd().Split('\n').LastOrDefault(l => l.Contains("Serving ", StringComparison.Ordinal));
        return line is null ? "no start-up line in the log" : line[(line.IndexOf("Serving ", StringComparison.Ordinal) + "Serving ".Length)..].Trim();
    }

    public Task<long> DeadLettersAsync() => database.ScalarAsync<long>("select count(*) from wolverine.wolverine_dead_letters");

    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
