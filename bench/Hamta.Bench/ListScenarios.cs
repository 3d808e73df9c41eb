using System.Diagnostics;
using Hamta.Enforcement.Lists;
using Npgsql;

namespace Hamta.Bench;

/// <summary>
/// The operators' lists (ADR 24): a delta of 100,000 changes served to an operator through the API, against a
/// <c>COPY … TO STDOUT</c> of the same change rows.
/// </summary>
public sealed partial class Scenarios
{
    private const int DeltaChanges = 100_000;
    private const string ListOperator = "bench-operator";
    private const string ListOperatorKey = "bench-operator-key";

    public async Task<Row> ListDeltaAsync()
    {
        var listEnvironment = new Dictionary<string, string>(environment)
        {
            [$"Hamta__Operators__{ListOperator}"] = ListOperatorKey,
            [$"Hamta__Network__ImsiPrefixes__{ListOperator}__0"] = "43211",
            // The bench publishes by itself; the recurring publication must not take a version in between.
            ["Hamta__Jobs__publish-enforcement-lists"] = "0 0 1 1 *",
        };
        await using var host = HostProcess.Start(options.Repo, listEnvironment, log);
        await StartAndWaitAsync(host);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ListOperatorKey);
        var hamta = new List<double>();
        var baseline = new List<double>();
        for (var run = 0; run <= options.Runs; run++)
        {
            var since = await PrepareDeltaAsync(dataSource);
            var started = Stopwatch.GetTimestamp();
            using (var response = await http.GetAsync($"/api/operator/lists/block/delta?since={since}", HttpCompletionOption.ResponseHeadersRead))
            {
                response.EnsureSuccessStatusCode();
                await (await response.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null);
            }

            var apiSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var copySeconds = await CopyChangesAsync(since + 1);
            if (run == 0)
            {
                say($"  list delta warm-up: API {DeltaChanges / apiSeconds:0} rows/s, COPY {DeltaChanges / copySeconds:0} rows/s");
                continue;
            }

            hamta.Add(DeltaChanges / apiSeconds);
            baseline.Add(DeltaChanges / copySeconds);
            say($"  run {run}: delta through the API {hamta[^1]:0} rows/s; COPY of the same change rows {baseline[^1]:0} rows/s");
        }

        var ratio = Stats.Median(hamta) / Stats.Median(baseline);
        return new Row(
            F($"block-list delta served to an operator ({DeltaChanges:N0} changes: half removes, half adds, JSON over HTTP)"),
            F($"{Stats.Median(hamta):0} rows/s"),
            F($"{Stats.Median(baseline):0} rows/s (COPY … TO STDOUT of the same change rows)"),
            F($"{ratio:0.00}×"),
            "≥ 0.3×",
            ratio >= 0.3,
            F($"API ±{Stats.SpreadPercent(hamta) / 2:0}%, COPY ±{Stats.SpreadPercent(baseline) / 2:0}% over {options.Runs} runs"),
            []);
    }

    /// <summary>
    /// A block list of 100,000 IMEIs published, then half of them lifted and as many new ones blocked and published
    /// again: the delta since the first version is 100,000 changes. Gives that first version.
    /// </summary>
    private async Task<long> PrepareDeltaAsync(NpgsqlDataSource dataSource)
    {
        var settings = new ListSettings();
        var now = DateTimeOffset.UtcNow;
        await database.ExecuteAsync($"""
            truncate enforcement.imei_states;
            insert into enforcement.imei_states (imei, condition, blocking, reason, met_at, deadline, cause)
            select (350000000000000 + n)::text, 'not-registered', true, 'ثبت نشده', now() - interval '1 hour', now() - interval '1 hour', 'bench'
            from generate_series(1, {DeltaChanges}) as n;
            """);
        var first = await ListPublisher.PublishAsync(dataSource, settings, now, CancellationToken.None);
        await database.ExecuteAsync($"""
            delete from enforcement.imei_states where imei::bigint <= 350000000000000 + {DeltaChanges / 2};
            insert into enforcement.imei_states (imei, condition, blocking, reason, met_at, deadline, cause)
            select (360000000000000 + n)::text, 'not-registered', true, 'ثبت نشده', now() - interval '1 hour', now() - interval '1 hour', 'bench'
            from generate_series(1, {DeltaChanges / 2}) as n;
            """);
        await ListPublisher.PublishAsync(dataSource, settings, now, CancellationToken.None);
        return first.Single(v => v.List == Enforcement.Contracts.EnforcementList.Block).Version;
    }

    private async Task<double> CopyChangesAsync(long version)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenAsync();
        using var reader = await connection.BeginTextExportAsync(
            $"copy (select imei, condition, reason, change from enforcement.list_changes where list = 'block' and operator = '' and version = {version}) to stdout (format csv)");
        var buffer = new char[1 << 16];
        while (await reader.ReadAsync(buffer) > 0)
        {
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
