using System.Diagnostics;

namespace Hamta.Bench;

/// <summary>What one load run measured: completed requests, failures, wall time and the latency of each success.</summary>
public sealed record LoadResult(int Completed, int Failed, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double P50 => Stats.Percentile(LatenciesMs, 0.50);

    public double P99 => Stats.Percentile(LatenciesMs, 0.99);
}

/// <summary>
/// A closed-loop load: <c>clients</c> workers each send a request, wait for the answer, and send the
/// next, until the time is up or the request budget is spent.
/// </summary>
public static class Load
{
    public static async Task<LoadResult> RunAsync(int clients, Func<int, CancellationToken, Task<bool>> request, TimeSpan duration, int maxRequests)
    {
        using var stop = new CancellationTokenSource(duration);
        var started = 0;
        var failed = 0;
        var latencies = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = [];
            while (!stop.IsCancellationRequested && Interlocked.Increment(ref started) <= maxRequests)
            {
                var begin = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await request(client, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }

                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(all.Length, failed, elapsed, all);
    }
}

public static class Stats
{
    /// <summary>The value below which a share of the sorted values falls (nearest rank).</summary>
    public static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>How noisy the runs were: (max − min) / median, as a percentage.</summary>
    public static double SpreadPercent(IReadOnlyList<double> values) =>
        values.Count < 2 ? 0 : (values.Max() - values.Min()) / Median(values) * 100;
}
