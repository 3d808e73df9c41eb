using System.Text.Json;
using Alba;
using Hamta.Host.Api;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Enforcement;

/// <summary>The lists' API: the operator's key, bad input answered in Persian, and a large list streamed.</summary>
public sealed class ListApiTests(HamtaFixture fixture) : ListTest(fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_operator_key_no_list_is_given(string? key)
    {
        var (status, body) = await GetJson("/api/operator/lists/block/delta?since=0", key);

        Assert.Equal(401, status);
        Assert.Contains("کلید دسترسی", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/operator/lists/blacklist/delta?since=0", 404, "فهرستی به این نام نیست")]
    [InlineData("/api/operator/lists/blacklist", 404, "فهرستی به این نام نیست")]
    [InlineData("/api/operator/lists/block/delta", 400, "since")]
    [InlineData("/api/operator/lists/block/delta?since=abc", 400, "عدد صحیح نامنفی")]
    [InlineData("/api/operator/lists/block/delta?since=-1", 400, "عدد صحیح نامنفی")]
    [InlineData("/api/operator/lists/block/delta?since=99999999999999999999", 400, "عدد صحیح نامنفی")]
    [InlineData("/api/operator/lists/block/delta?since=5", 400, "هنوز منتشر نشده است")]
    public async Task Bad_input_gets_a_persian_problem_not_a_server_error(string url, int expectedStatus, string message)
    {
        await SeedState(Samsung, "not-registered", TimeSpan.Zero);
        await Publish();

        var (status, body) = await GetJson(url);

        Assert.Equal(expectedStatus, status);
        Assert.Contains(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_in_persian_digits_is_read_as_its_number()
    {
        await SeedState(Samsung, "not-registered", TimeSpan.Zero);
        await Publish();

        var (status, body) = await GetJson("/api/operator/lists/block/delta?since=۱");

        Assert.Equal(200, status);
        Assert.Equal(1, body.GetProperty("since").GetInt64());
        Assert.Empty(body.GetProperty("adds").EnumerateArray());
    }

    [Fact]
    public async Task A_large_list_is_streamed_whole_in_imei_order_without_a_length_known_beforehand()
    {
        const int Rows = 200_000;
        await SeedBlockedStates(Rows);
        await PublishDirectly();

        var (csv, version, hasLength) = await CsvOf("block");

        Assert.Equal(1, version);
        Assert.False(hasLength);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Rows + 1, lines.Length);
        Assert.Equal("imei,condition,reason", lines[0]);
        Assert.Equal("350000000000001,not-registered,ثبت نشده", lines[1]);
        Assert.Equal($"{350_000_000_000_000 + Rows},not-registered,ثبت نشده", lines[^1]);
        Assert.Equal(Rows, (await DeltaOf("block", 0)).Adds.Count);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_lists_endpoints()
    {
        var document = await (await Host.Scenario(s => s.Get.Url(OperatorApiReference.DocumentPath))).ReadAsJsonAsync<JsonElement>();

        var paths = document.GetProperty("paths");
        var full = paths.GetProperty(ListApi.Path).GetProperty("get");
        var delta = paths.GetProperty(ListApi.DeltaPath).GetProperty("get");
        Assert.True(full.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.Contains("exception", full.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("removes", delta.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(delta.GetProperty("responses").TryGetProperty("400", out _));
    }
}
