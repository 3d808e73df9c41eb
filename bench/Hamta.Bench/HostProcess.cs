using System.Diagnostics;
using System.Globalization;

namespace Hamta.Bench;

/// <summary>
/// The Host as production runs it: the published Release build (ReadyToRun, as the image ships it)
/// started with <c>dotnet Hamta.Host.dll</c> from its folder, in its own process, on a 127.0.0.1 port;
/// its output goes to a log file.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Stopwatch sinceStart;
    private bool disposed;

    private HostProcess(Process process, StreamWriter log, Stopwatch sinceStart) => (this.process, this.log, this.sinceStart) = (process, log, sinceStart);

    public int Pid => process.Id;

    /// <summary>Where <c>scripts/bench.sh</c> publishes the Host.</summary>
    public static string Folder(string repo) => Path.Combine(repo, ".data", "bench-host");

    /// <summary>
    /// The environment of every Host the bench starts: the runtime settings the image sets (its
    /// Dockerfile's <c>ENV DOTNET_…</c> lines) and the bench's own, both listed in the report.
    /// </summary>
    public static Dictionary<string, string> Environment(string repo, Database database, int httpPort) => new(ImageRuntimeSettings(repo))
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Hamta"] = database.ConnectionString.Split(";Command Timeout")[0],
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
        ["Hamta__SingleNode"] = "true",
        ["Hamta__Secrets__CodeKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Hamta__DataProtection__Certificate"] = KeyRingCertificate(),
        ["Hamta__Operators__bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
        ["Hamta__RateLimits__PostsPerSubscriberPerHour"] = "1000000",
        ["Hamta__RateLimits__LoginPostsPerIpPer5Minutes"] = "1000000",
        ["Hamta__RateLimits__OperatorRequestsPerMinute"] = "1000000",
        ["Hamta__Jobs__recheck-network-evidence"] = "0 0 1 1 *",
        ["Hamta__Jobs__auto-close-resolved"] = "0 0 1 1 *",
        ["Hamta__Jobs__remind-unanswered"] = "0 0 1 1 *",
        ["Hamta__Jobs__refresh-ticket-statistics"] = "0 0 1 1 *",
        ["Hamta__Jobs__count-sightings"] = "0 0 1 1 *",
        ["Hamta__Jobs__count-enforcement-changes"] = "0 0 1 1 *",
    };

    /// <summary>A throw-away certificate for the bench's key ring, as a deployer gives a real one.</summary>
    private static string KeyRingCertificate()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=hamta-bench-key-ring", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
    }

    private static IEnumerable<KeyValuePair<string, string>> ImageRuntimeSettings(string repo) =>
        File.ReadLines(Path.Combine(repo, "Dockerfile"))
            .Where(line => line.StartsWith("ENV DOTNET_", StringComparison.Ordinal))
            .Select(line => line["ENV ".Length..].Split('=', 2))
            .Select(pair => KeyValuePair.Create(pair[0], pair[1]));

    public static HostProcess Start(string repo, IReadOnlyDictionary<string, string> environment, string logPath, params string[] arguments) =>
        StartFrom(Folder(repo), environment, logPath, arguments);

    /// <summary>Starts the Host published in <paramref name="folder"/>.</summary>
    public static HostProcess StartFrom(string folder, IReadOnlyDictionary<string, string> environment, string logPath, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(folder, "Hamta.Host.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log, watch);
    }

    /// <summary>Runs a command of the Host binary (import, audit) to its end: its wall time and what it printed.</summary>
    public static Task<(TimeSpan Took, int ExitCode, string Output)> RunCommandAsync(
        string repo, IReadOnlyDictionary<string, string> environment, string logPath, params string[] arguments) =>
        RunCommandFromAsync(Folder(repo), environment, logPath, arguments);

    /// <summary>Runs a command of the Host published in <paramref name="folder"/> to its end.</summary>
    public static async Task<(TimeSpan Took, int ExitCode, string Output)> RunCommandFromAsync(
        string folder, IReadOnlyDictionary<string, string> environment, string logPath, params string[] arguments)
    {
        var output = new System.Text.StringBuilder();
        await using var host = StartFrom(folder, environment, logPath, arguments);
        host.process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        await host.process.WaitForExitAsync();
        var took = host.sinceStart.Elapsed;
        lock (output)
        {
            return (took, host.process.ExitCode, output.ToString());
        }
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200: the time from the process start to that answer.</summary>
    public async Task<TimeSpan> WaitForFirst200Async(string url, TimeSpan timeout)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        while (sinceStart.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with code {process.ExitCode}; see the bench log.");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if ((int)response.StatusCode == 200)
                {
                    return sinceStart.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too slow to answer while it starts: not serving yet.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{url} gave no 200 within {timeout.TotalSeconds} s");
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM), in MB.</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        double Field(string name) =>
            double.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    public TimeSpan CpuTime() => ProcessCpu.Of(process.Id);

    public bool HasExited => process.HasExited;

    /// <summary>SIGKILL, as a crash or the kernel's out-of-memory killer ends a node: no shutdown at all.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            // SIGTERM: the Host stops as it would under a service manager (Wolverine and Hangfire shut down cleanly).
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}

/// <summary>CPU time of processes from /proc (user + system), to tell where the time of a load went.</summary>
public static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The PostgreSQL server of the bench cluster and all its backends.</summary>
    public static TimeSpan OfCluster(int postmasterPid)
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText($"{dir}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmasterPid || fields[1] == postmasterPid.ToString(CultureInfo.InvariantCulture))
                {
                    total += Of(pid);
                }
            }
            catch (IOException)
            {
            }
        }

        return total;
    }
}
