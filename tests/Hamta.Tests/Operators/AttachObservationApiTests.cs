using Hamta.Testing;
using System.Text.Json;
using Alba;
using Hamta.Devices.Contracts;
using Hamta.Host.Api;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Operators;

public sealed class AttachObservationApiTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private const string DemoKey = TestHost.OperatorKey;
    private static readonly DateTimeOffset SeenAt = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    private static object Observation(string imei, string msisdn = "09121234567", string imsi = "432111234567890") =>
        new { imei, imsi, msisdn, observedAt = SeenAt };

    private async Task<(int Status, JsonElement Body)> Send(object? body, string? key = DemoKey, string? raw = null)
    {
        var result = await Host.Scenario(s =>
        {
            if (raw is null)
            {
                s.Post.Json(body!).ToUrl(OperatorApi.Path);
            }
            else
            {
                s.Post.Text(raw).ToUrl(OperatorApi.Path);
                s.WithRequestHeader("Content-Type", "application/json");
            }

            if (key is not null)
            {
                s.WithRequestHeader(OperatorApi.KeyHeader, key);
            }

            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsJsonAsync<JsonElement>());
    }

    private static string[] Outcomes(JsonElement body) =>
        body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()!).ToArray();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_operator_key_nothing_is_stored(string? key)
    {
        var (status, body) = await Send(new { observations = new[] { Observation("356938035643809") } }, key);

        Assert.Equal(401, status);
        Assert.Contains("کلید", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_record_gets_its_own_result_and_a_malformed_imei_is_kept_but_flagged()
    {
        var (status, body) = await Send(new
        {
            observations = new[]
            {
                Observation("356938035643809"),
                Observation("356938035643808"),
                Observation("356938035643817", msisdn: "09199999999"),
                new { imei = "356938035643817", imsi = "", msisdn = "09121234567", observedAt = SeenAt },
            },
        });

        Assert.Equal(200, status);
        Assert.Equal(["Stored", "StoredWithMalformedImei", "UnknownMsisdn", "MissingFields"], Outcomes(body));
        Assert.Equal(2, body.GetProperty("stored").GetInt32());
        Assert.Equal(2, body.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task The_same_record_sent_twice_is_stored_once()
    {
        var batch = new { observations = new[] { Observation("356938035643809"), Observation("356938035643809") } };

        var (_, first) = await Send(batch);
        var (_, again) = await Send(batch);

        Assert.Equal(["Stored", "Duplicate"], Outcomes(first));
        Assert.Equal(["Duplicate", "Duplicate"], Outcomes(again));
    }

    [Fact]
    public async Task A_stored_observation_reaches_the_registry_at_once()
    {
        await AndWaitForMessages(() => Send(new { observations = new[] { Observation("356938035643809") } }));

        var inquiry = await Ask<ImeiInquiry>(new InquireImei("356938035643809"));
        Assert.True(inquiry.SeenOnNetwork);
    }

    [Fact]
    public async Task Empty_oversized_and_malformed_batches_are_refused_with_a_persian_message()
    {
        var oversized = new { observations = Enumerable.Repeat(Observation("356938035643809"), 10_001).ToArray() };

        Assert.Equal(400, (await Send(new { observations = Array.Empty<object>() })).Status);
        Assert.Equal(400, (await Send(oversized)).Status);
        var (status, body) = await Send(null, raw: "{ not json");
        Assert.Equal(400, status);
        Assert.Contains("JSON", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
