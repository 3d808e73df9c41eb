using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Hamta.Failover;

/// <summary>The Patroni cluster of <c>scripts/ha.sh</c>: its members, who leads, and the two ways of killing the leader.</summary>
public sealed class Cluster(string repo, int basePort)
{
    private static readonly HttpClient Rest = new() { Timeout = TimeSpan.FromSeconds(1) };

    public IReadOnlyList<string> Members { get; } = ["pg1", "pg2", "pg3"];

    public int PgPort(string member) => basePort + 2 + MemberIndex(member);

    public string Hosts => string.Join(',', Members.Select(m => $"127.0.0.1:{PgPort(m)}"));

    public string Primary(string database) => $"Host={Hosts};Username=postgres;Database={database};Target Session Attributes=primary;Host Recheck Seconds=1;Timeout=5";

    public string PreferStandby(string database) => $"Host={Hosts};Username=postgres;Database={database};Target Session Attributes=prefer-standby;Host Recheck Seconds=1;Timeout=5";

    /// <summary>The member whose Patroni answers 200 on <c>/primary</c>, if any.</summary>
    public async Task<string?> LeaderAsync()
    {
        foreach (var member in Members)
        {
            try
            {
                using var response = await Rest.GetAsync($"http://127.0.0.1:{RestPort(member)}/primary");
                if (response.IsSuccessStatusCode)
                {
                    return member;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }

        return null;
    }

    /// <summary>A leader with one synchronous and one asynchronous standby streaming from it.</summary>
    public async Task<bool> HealthyAsync()
    {
        if (await LeaderAsync() is not { } leader)
        {
            return false;
        }

        try
        {
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={PgPort(leader)};Username=postgres;Database=postgres;Timeout=2;Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select count(*) filter (where sync_state = 'sync') = 1 and count(*) = 2 from pg_stat_replication where state = 'streaming'", connection);
            return (bool)(await command.ExecuteScalarAsync())!;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await HealthyAsync())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"the cluster is not healthy after {timeout.TotalSeconds} s (bash scripts/ha.sh status)");
            }

            await Task.Delay(100);
        }

        return watch.Elapsed;
    }

    /// <summary>kill -9 of the member's postmaster: its backends die with it.</summary>
    public void KillPostgres(string member)
    {
        var pidFile = Path.Combine(repo, ".data", "ha", member, "postmaster.pid");
        Kill(int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture));
    }

    /// <summary>kill -9 of the member's Patroni (the Python process, not its supervisor); PostgreSQL keeps running.</summary>
    public void KillPatroni(string member)
    {
        var config = Path.Combine(repo, ".data", "ha", $"{member}.yml");
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (args.Length >= 3 && args[0].Contains("python", StringComparison.Ordinal) && args[^2] == config)
                {
                    Kill(pid);
                    return;
                }
            }
            catch (IOException)
            {
            }
        }

        throw new InvalidOperationException($"no Patroni process runs {config}");
    }

    private static void Kill(int pid)
    {
        using var kill = Process.Start("kill", ["-9", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private int RestPort(string member) => basePort + 12 + MemberIndex(member);

    private static int MemberIndex(string member) => int.Parse(member[2..], CultureInfo.InvariantCulture) - 1;
}
