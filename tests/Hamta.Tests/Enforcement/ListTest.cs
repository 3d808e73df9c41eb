using System.Text.Json;
using Alba;
using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.Lists;
using Hamta.Enforcement.States;
using Hamta.Host.Api;
using Hamta.Testing;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hamta.Tests.Enforcement;

/// <summary>One row of a list as an operator reads it from a delta.</summary>
public sealed record ListRow(string Imei, string? Imsi = null, string? Msisdn = null, string? Condition = null, DateTimeOffset? Deadline = null);

/// <summary>A delta as an operator reads it.</summary>
public sealed record Delta(long Since, long Version, IReadOnlyList<ListRow> Removes, IReadOnlyList<ListRow> Adds);

/// <summary>
/// The operators' lists in steps a test can call. States that a classification run would make are seeded straight
/// into <see cref="EnforcementStorage.States"/> here, and only here.
/// </summary>
public abstract class ListTest(HamtaFixture fixture) : DeskTest(fixture)
{
    protected const string TestImsi = "432110000000001";
    protected const string OtherImsi = "432350000000001";

    /// <summary>A state as the classification run writes it: a condition met now, blocking after its grace period.</summary>
    protected async Task SeedState(string imei, string condition, TimeSpan grace, bool blocking = true, string? imsi = TestImsi, string msisdn = SampleMobile)
    {
        var now = Clock.GetUtcNow();
        await Execute(
            $"""
            insert into {EnforcementStorage.States} (imei, condition, blocking, reason, met_at, deadline, imsi, msisdn, operator, cause)
            values (@imei, @condition, @blocking, @reason, @now, @deadline, @imsi, @msisdn, @operator, 'test run')
            """,
            ("imei", imei), ("condition", condition), ("blocking", blocking), ("reason", $"دلیل {condition}"), ("now", now), ("deadline", now + grace),
            ("imsi", (object?)imsi ?? DBNull.Value), ("msisdn", msisdn), ("operator", TestHost.OperatorName));
    }

    /// <summary>As the classification run lifts a condition that no longer holds.</summary>
    protected Task LiftState(string imei, string condition) =>
        Execute($"delete from {EnforcementStorage.States} where imei = @imei and condition = @condition", ("imei", imei), ("condition", condition));

    /// <summary>Many blocked states at once (IMEIs 35000000000000 + n), as a national run would leave them.</summary>
    protected Task SeedBlockedStates(int count) => Execute(
        $"""
        insert into {EnforcementStorage.States} (imei, condition, blocking, reason, met_at, deadline, cause)
        select (350000000000000 + n)::text, 'not-registered', true, 'ثبت نشده', @now, @now, 'test run' from generate_series(1, @count) as n
        """, ("now", Clock.GetUtcNow()), ("count", count));

    /// <summary>The recurring publication, as its job triggers it.</summary>
    protected Task Publish() => Send(new PublishEnforcementLists());

    /// <summary>A publication run straight, for lists too large to wait for within a tracked session.</summary>
    protected Task PublishDirectly() => ListPublisher.PublishAsync(Host.Services.GetRequiredService<NpgsqlDataSource>(),
        Host.Services.GetRequiredService<IOptions<ListSettings>>().Value, Clock.GetUtcNow(), TestContext.Current.CancellationToken);

    protected async Task<(int Status, JsonElement Body)> GetJson(string url, string? key = TestHost.OperatorKey)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            if (key is not null)
            {
                s.WithRequestHeader(OperatorApi.KeyHeader, key);
            }

            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsJsonAsync<JsonElement>());
    }

    protected async Task<Delta> DeltaOf(string list, long since, string key = TestHost.OperatorKey)
    {
        var (status, body) = await GetJson($"/api/operator/lists/{list}/delta?since={since}", key);
        Assert.Equal(200, status);
        return new Delta(body.GetProperty("since").GetInt64(), body.GetProperty("version").GetInt64(),
            Rows(body.GetProperty("removes")), Rows(body.GetProperty("adds")));
    }

    protected async Task<(string Csv, long Version, bool HasLength)> CsvOf(string list, string key = TestHost.OperatorKey)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/operator/lists/{list}");
            s.WithRequestHeader(OperatorApi.KeyHeader, key);
        });
        var headers = result.Context.Response.Headers;
        Assert.StartsWith("text/csv", result.Context.Response.ContentType, StringComparison.Ordinal);
        return (await result.ReadAsTextAsync(), long.Parse(headers[ListApi.VersionHeader].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            headers.ContentLength is not null);
    }

    protected async Task<T> Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task Execute(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static List<ListRow> Rows(JsonElement rows) => rows.EnumerateArray().Select(row => new ListRow(
        row.GetProperty("imei").GetString()!,
        row.TryGetProperty("imsi", out var imsi) ? imsi.GetString() : null,
        row.TryGetProperty("msisdn", out var msisdn) ? msisdn.GetString() : null,
        row.TryGetProperty("condition", out var condition) ? condition.GetString() : null,
        row.TryGetProperty("deadline", out var deadline) ? deadline.GetDateTimeOffset() : null)).ToList();
}
