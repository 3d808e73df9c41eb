using System.Diagnostics;
using System.Globalization;
using Hamta.Bench;

namespace Hamta.Faults;

/// <summary>
/// The database goes away under 16 subscribers filing tickets while the Host keeps running: an immediate restart
/// (<c>db-restart</c>) or a stop of a minute (<c>db-outage</c>). Nothing accepted may be lost, no message may end in
/// the dead letters, and the Host serves again within 10 s of the database.
/// </summary>
public sealed class DatabaseDrill(string name, string title, TimeSpan outage) : IDrill
{
    private const int Clients = 16;
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(15);

    public string Name => name;

    public async Task<IReadOnlyList<DrillRow>> RunAsync(FaultContext context)
    {
        var (host, _) = await context.StartServingAsync(0);
        var portals = await context.SignInAsync(0, Clients);
        var load = new TicketLoad(portals, name);
        using var stop = new CancellationTokenSource();
        var filing = load.RunAsync(stop.Token);
        try
        {
            await Task.Delay(Before);
            var errorsBefore = load.ClientErrors;
            if (outage == TimeSpan.Zero)
            {
                await context.Cluster.RestartImmediatelyAsync();
            }
            else
            {
                await context.Cluster.StopImmediatelyAsync();
                await Task.Delay(outage);
                await context.Cluster.StartAsync();
            }

            var back = Stopwatch.StartNew();
            var recovered = await ReadyAgainAsync(context, TimeSpan.FromMinutes(2));
            context.Say(FaultContext.F($"  the database answers again; the Host is ready {recovered:0.0} s later"));
            await Task.Delay(After);
            await stop.CancelAsync();
            await filing;
            var quiet = await context.WaitForQuietAsync(TimeSpan.FromMinutes(3));
            var account = await TicketAccount.OfAsync(context.Database, name, load.Filed);
            var deadLetters = await context.DeadLettersAsync();
            var met = account.Clean && account.Unanswered == 0 && deadLetters == 0 && recovered <= 10;
            return
            [
                new DrillRow(
                    title,
                    FaultContext.F($"{load.ClientErrors - errorsBefore} answers that were not a ticket during the fault (re-posted); ready again {recovered:0.0} s after the database; ")
                        + account.Describe() + FaultContext.F($"; {deadLetters} dead letters; {account.SmsNever} tickets without their SMS"),
                    "recovers ≤ 10 s after the database, 0 lost, 0 dead letters, 0 stuck",
                    met,
                    [FaultContext.F($"inbox and outbox empty {quiet.TotalSeconds:0.0} s after the load stopped ({back.Elapsed.TotalSeconds:0} s after the database came back)")]),
            ];
        }
        finally
        {
            await stop.CancelAsync();
            await host.DisposeAsync();
            foreach (var portal in portals)
            {
                portal.Dispose();
            }
        }
    }

    /// <summary>Seconds until /health/ready answers 200 again, from now (the database has just come back).</summary>
    public static async Task<double> ReadyAgainAsync(FaultContext context, TimeSpan limit)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            try
            {
                using var response = await client.GetAsync($"{context.BaseUrl(0)}/health/ready");
                if ((int)response.StatusCode == 200)
                {
                    return watch.Elapsed.TotalSeconds;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        return double.PositiveInfinity;
    }
}

/// <summary>
/// The database frozen (SIGSTOP) for a minute with the Host running: what a subscriber sees, and how long
/// /health/ready takes to answer while the database does not.
/// </summary>
public sealed class FreezeDrill : IDrill
{
    private static readonly TimeSpan Frozen = TimeSpan.FromSeconds(60);

    /// <summary>The longest a page may keep a subscriber waiting before it says, in Persian, that it could not answer.</summary>
    private static readonly TimeSpan PageLimit = TimeSpan.FromSeconds(10);

    public string Name => "freeze";

    public async Task<IReadOnlyList<DrillRow>> RunAsync(FaultContext context)
    {
        var (host, _) = await context.StartServingAsync(0);
        var portal = (await context.SignInAsync(0, 1))[0];
        try
        {
            await context.Cluster.FreezeAsync();
            var frozenAt = Stopwatch.StartNew();
            string seen;
            string pageAnswer;
            double pageSeconds;
            double healthSeconds;
            string healthStatus;
            try
            {
                var page = Timed(() => portal.PageAsync("/tickets"));
                var health = Timed(() => AnswerOfAsync($"{context.BaseUrl(0)}/health/ready"));
                (pageAnswer, pageSeconds) = await page;
                (healthStatus, healthSeconds) = await health;
                seen = FaultContext.F($"{pageAnswer} after {pageSeconds:0.0} s");
                await Task.Delay(Frozen - frozenAt.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
            }
            finally
            {
                await context.Cluster.ThawAsync();
            }

            var recovered = await DatabaseDrill.ReadyAgainAsync(context, TimeSpan.FromMinutes(2));
            var met = pageAnswer.StartsWith("Persian page", StringComparison.Ordinal) && pageSeconds <= PageLimit.TotalSeconds && healthSeconds <= 2 && recovered <= 2;
            return
            [
                new DrillRow(
                    "database frozen (SIGSTOP) 60 s, Host running",
                    FaultContext.F($"a subscriber opening «ثبت و پیگیری مشکلات» gets: {seen}; /health/ready answers {healthStatus} in {healthSeconds:0.0} s; ready again {recovered:0.0} s after the thaw"),
                    "Persian page within 10 s; health answers ≤ 2 s",
                    met,
                    []),
            ];
        }
        finally
        {
            await host.DisposeAsync();
            portal.Dispose();
        }
    }

    private static async Task<(string Answer, double Seconds)> Timed(Func<Task<string>> request)
    {
        var watch = Stopwatch.StartNew();
        var answer = await request();
        return (answer, watch.Elapsed.TotalSeconds);
    }

    private static async Task<string> AnswerOfAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(70) };
        using var response = await client.GetAsync(url);
        return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }
}
