using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hamta.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Hamta.Bench;

/// <summary>The staff statistics page over the national-scale store: its figures counted once by the job, then page views measured.</summary>
public sealed partial class Scenarios
{
    private const string BenchAgent = "bench-agent";
    private const string BenchAgentPassword = "bench-agent-password-1405";
    private const string StatisticsPath = "/staff/statistics?period=30";

    /// <summary>The reads the page makes, as bare SQL: the ticket counts, resolution ranges, backlog, the sightings' and the enforcement changes' counts of 30 days.</summary>
    private const string PageReads = """
        select day, subject, opened, closed, resolved_automatically, resolved_by_agent from tickets.daily_counts
          where day between current_date - 29 and current_date order by day, subject;
        select bucket, sum(tickets)::bigint from tickets.resolution_times where day between current_date - 29 and current_date group by bucket;
        select status, opened_day, sum(tickets)::integer from tickets.backlog group by status, opened_day;
        select counted_at from tickets.statistics_counted where id = 1;
        select day, operator, sightings from sim.daily_sightings where day between current_date - 29 and current_date order by day, operator;
        select max(counted_at) from sim.daily_sightings;
        select day, condition, warned, blocked, lifted from enforcement.daily_changes where day between current_date - 29 and current_date order by day, condition;
        select max(counted_at) from enforcement.daily_changes /* bench_baseline */
        """;

    public async Task<Row> StatisticsAsync()
    {
        await AddBenchAgentAsync();
        var counting = await CountStatisticsAsync();
        say(F($"statistics: the first counts took {counting.TotalSeconds:0.0} s (every ticket and sighting, once)"));

        using var staff = await StaffClientAsync();
        async Task<bool> Page(int client, CancellationToken cancellation)
        {
            using var response = await staff.GetAsync(StatisticsPath, cancellation);
            var html = await response.Content.ReadAsStringAsync(cancellation);
            return response.StatusCode == HttpStatusCode.OK && html.Contains("id=\"chart-flow\"", StringComparison.Ordinal);
        }

        await using var connection = await database.OpenAsync();
        async Task<bool> Bare(int client, CancellationToken cancellation)
        {
            await using var command = new NpgsqlCommand(PageReads, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            do
            {
                while (await reader.ReadAsync(cancellation))
                {
                }
            }
            while (await reader.NextResultAsync(cancellation));
            return true;
        }

        const int requests = 500;
        say("statistics: warm-up");
        await Load.RunAsync(1, Page, TimeSpan.FromSeconds(10), 1_000);
        await Load.RunAsync(1, Bare, TimeSpan.FromSeconds(10), 1_000);
        var hamta = new List<LoadResult>();
        var baseline = new List<LoadResult>();
        await database.ResetStatementsAsync();
        for (var run = 1; run <= options.Runs; run++)
        {
            hamta.Add(await Load.RunAsync(1, Page, options.LoadDuration, requests));
            baseline.Add(await Load.RunAsync(1, Bare, options.LoadDuration, requests));
            say(F($"  run {run}: page p50 {hamta[^1].P50:0.00} p99 {hamta[^1].P99:0.00} ms ({hamta[^1].Failed} failed); bare reads p50 {baseline[^1].P50:0.00} p99 {baseline[^1].P99:0.00} ms"));
        }

        var p99 = Median(hamta, r => r.P99);
        var bareP99 = Median(baseline, r => r.P99);
        var met = p99 <= 50 && hamta.All(r => r.Failed == 0);
        return new Row(
            F($"staff statistics page, 30 days (1 client, {options.Tickets:N0} tickets, {options.Observations:N0} sightings counted beforehand)"),
            F($"p50 {Median(hamta, r => r.P50):0.00} ms, p99 {p99:0.00} ms ({requests} requests a run)"),
            F($"the page's eight reads as bare SQL: p50 {Median(baseline, r => r.P50):0.00} ms, p99 {bareP99:0.00} ms"),
            F($"{p99 / bareP99:0.0}× (p99)"),
            "p99 ≤ 50 ms",
            met,
            F($"page p99 ±{Stats.SpreadPercent(hamta.Select(r => r.P99).ToList()) / 2:0}%; bare p99 ±{Stats.SpreadPercent(baseline.Select(r => r.P99).ToList()) / 2:0}%; first counts {counting.TotalSeconds:0.0} s"),
            met ? [] : await database.TopStatementsAsync(5));
    }

    /// <summary>An agent account written as the Host's staff command writes it (the password only as ASP.NET Core's hash).</summary>
    private async Task AddBenchAgentAsync()
    {
        var account = new StaffAccount(BenchAgent, "Bench agent", "", [StaffRoles.Agent]);
        account = account with { PasswordHash = new PasswordHasher<StaffAccount>().HashPassword(account, BenchAgentPassword) };
        await using var connection = await database.OpenAsync();
        await using var insert = new NpgsqlCommand(
            $"insert into {StaffAccount.Schema}.mt_doc_staffaccount (id, data, mt_dotnet_type, mt_version, mt_last_modified) "
            + "values ($1, $2::jsonb, $3, gen_random_uuid(), now()) on conflict (id) do nothing", connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = account.Id },
                new NpgsqlParameter { Value = JsonSerializer.Serialize(account) },
                new NpgsqlParameter { Value = typeof(StaffAccount).FullName },
            },
        };
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Triggers both statistics jobs (their first run counts everything) and waits until both have written their counts.</summary>
    private async Task<TimeSpan> CountStatisticsAsync()
    {
        var jobs = RecurringJobs();
        var started = System.Diagnostics.Stopwatch.StartNew();
        jobs.TriggerJob(Host.Infrastructure.StatisticsJobs.RefreshTickets);
        jobs.TriggerJob(Host.Infrastructure.StatisticsJobs.CountSightings);
        while (await database.ScalarAsync<long>(
                   "select (select count(*) from tickets.statistics_counted) + (select count(*) from (select 1 from sim.daily_sightings limit 1) s)") < 2)
        {
            if (started.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException("the statistics jobs wrote no counts within 20 minutes");
            }

            await Task.Delay(250);
        }

        return started.Elapsed;
    }

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 1 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var form = await client.GetStringAsync("/staff/login");
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("the staff login has no antiforgery token");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = BenchAgent, ["password"] = BenchAgentPassword, ["__RequestVerificationToken"] = token,
        });
        using var signedIn = await client.PostAsync("/staff/login", content);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(F($"the bench agent could not sign in ({(int)signedIn.StatusCode})"));
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
