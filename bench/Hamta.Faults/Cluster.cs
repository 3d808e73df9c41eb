using System.Diagnostics;
using System.Globalization;
using Hamta.Bench;
using Npgsql;

namespace Hamta.Faults;

/// <summary>The drill's own PostgreSQL cluster, stopped, restarted and frozen as an operations team would.</summary>
public sealed class Cluster(string bin, string dataDirectory, int port, string socketDirectory)
{
    public static async Task<Cluster> OfAsync(Database database, string bin) =>
        new(bin, await database.ScalarAsync<string>("show data_directory"), database.Port, await database.ScalarAsync<string>("show unix_socket_directories"));

    /// <summary><c>pg_ctl restart -m immediate</c>: every backend dropped at once, crash recovery on start.</summary>
    public async Task RestartImmediatelyAsync()
    {
        await PgCtlAsync("-m", "immediate", "-w", "restart");
        ForgetConnections();
    }

    public Task StopImmediatelyAsync() => PgCtlAsync("-m", "immediate", "-w", "stop");

    /// <summary>Starts it as scripts/pg.sh does: on 127.0.0.1 only, with its own socket directory.</summary>
    public async Task StartAsync()
    {
        await PgCtlAsync("-w", "-t", "60", "start", "-o", $"-p {port} -k '{socketDirectory}' -c listen_addresses=127.0.0.1");
        ForgetConnections();
    }

    /// <summary>The harness's own pooled connections died with the server: it measures with new ones.</summary>
    private static void ForgetConnections() => NpgsqlConnection.ClearAllPools();

    /// <summary>SIGSTOP to the server and every backend: connections stay open and nothing answers.</summary>
    public Task FreezeAsync() => SignalAllAsync("STOP");

    public Task ThawAsync() => SignalAllAsync("CONT");

    private async Task SignalAllAsync(string signal)
    {
        var postmaster = int.Parse((await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "postmaster.pid")))[0], CultureInfo.InvariantCulture);
        var pids = new List<int> { postmaster };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(dir) == postmaster)
            {
                pids.Add(pid);
            }
        }

        await RunAsync("kill", [$"-{signal}", .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))]);
    }

    private static int? ParentOf(string procDir)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>pg_ctl refuses to run as root: it runs as the owner of the data directory, as scripts/pg.sh does.</summary>
    private Task PgCtlAsync(params string[] arguments)
    {
        return RunAsync("runuser", ["-u", OwnerOf(dataDirectory), "--", Path.Combine(bin, "pg_ctl"), "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "pg_ctl.log"), .. arguments]);
    }

    private static string OwnerOf(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }

    private static async Task RunAsync(string command, string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{command} did not start");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {await error}");
        }
    }
}
