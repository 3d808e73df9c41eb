using Hamta.Testing;
using System.Text.Json;
using Hamta.Devices.Contracts;
using Hamta.Host.Api;
using Hamta.Sim.Network;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Operators;

public sealed class AttachObservationApiTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private const string DemoKey = TestHost.OperatorKey;
    private static readonly DateTimeOffset SeenAt = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    private static object Observation(string imei, string msisdn = SampleMobile, string imsi = "432111234567890") =>
        new { imei, imsi, msisdn, observedAt = SeenAt };

    private async Task<(int Status, JsonElement Body)> Send(object? body, string? key = DemoKey, string? raw = null)
    {
        var answer = await MachineApi.PostAsync(Host, OperatorApi.Path, OperatorApi.KeyHeader, key, body, raw);
        return (answer.Status, answer.Body);
    }

    private static string[] Outcomes(JsonElement body) =>
        body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()!).ToArray();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_operator_key_nothing_is_stored(string? key)
    {
        var (status, body) = await Send(new { observations = new[] { Observation(Samsung) } }, key);

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
                Observation(Samsung),
                Observation("356938035643808"),
                Observation(SamsungSecondImei, msisdn: UnknownSim),
                new { imei = SamsungSecondImei, imsi = "", msisdn = SampleMobile, observedAt = SeenAt },
            },
        });

        Assert.Equal(200, status);
        Assert.Equal(["Stored", "StoredWithMalformedImei", "Stored", "MissingImsi"], Outcomes(body));
        Assert.Equal(3, body.GetProperty("stored").GetInt32());
        Assert.Equal(1, body.GetProperty("rejected").GetInt32());
        Assert.True(body.GetProperty("elapsedMilliseconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task The_same_record_sent_twice_is_stored_once()
    {
        var batch = new { observations = new[] { Observation(Samsung), Observation(Samsung) } };

        var (_, first) = await Send(batch);
        var (_, again) = await Send(batch);

        Assert.Equal(["Stored", "Duplicate"], Outcomes(first));
        Assert.Equal(["Duplicate", "Duplicate"], Outcomes(again));
    }

    [Fact]
    public async Task A_stored_observation_reaches_the_registry_at_once()
    {
        await AndWaitForMessages(() => Send(new { observations = new[] { Observation(Samsung) } }));

        var inquiry = await Ask<ImeiInquiry>(new InquireImei(Samsung));
        Assert.True(inquiry.SeenOnNetwork);
    }

    [Fact]
    public async Task Empty_oversized_and_malformed_batches_are_refused_with_a_persian_message()
    {
        var oversized = new { observations = Enumerable.Repeat(Observation(Samsung), 10_001).ToArray() };

        Assert.Equal(400, (await Send(new { observations = Array.Empty<object>() })).Status);
        Assert.Equal(400, (await Send(oversized)).Status);
        var (status, body) = await Send(null, raw: "{ not json");
        Assert.Equal(400, status);
        Assert.Contains("JSON", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_refused_record_says_precisely_why()
    {
        var (status, body) = await Send(new
        {
            observations = new object?[]
            {
                null,
                new { imsi = "432111234567890", msisdn = SampleMobile, observedAt = SeenAt },
                new { imei = Samsung, imsi = "432111234567890", observedAt = SeenAt },
                new { imei = Samsung, imsi = "432111234567890", msisdn = SampleMobile },
                Observation(Samsung, msisdn: "abc"),
                Observation(Samsung, imsi: "43211x"),
                Observation(new string('5', 40)),
                Observation("3569380\u000035643809"),
            },
        });

        Assert.Equal(200, status);
        Assert.Equal(["EmptyRecord", "MissingImei", "MissingMsisdn", "MissingObservedAt", "InvalidMsisdn", "InvalidImsi", "InvalidImei", "InvalidImei"],
            Outcomes(body));
        Assert.Equal(8, body.GetProperty("rejected").GetInt32());
        Assert.All(body.GetProperty("records").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Sightings_dated_in_the_future_or_older_than_the_retention_window_are_refused()
    {
        var now = Clock.GetUtcNow();
        var (_, body) = await Send(new
        {
            observations = new[]
            {
                new { imei = Samsung, imsi = "432111234567890", msisdn = SampleMobile, observedAt = now.AddMinutes(4) },
                new { imei = Samsung, imsi = "432111234567890", msisdn = SampleMobile, observedAt = now.AddMinutes(6) },
                new { imei = Samsung, imsi = "432111234567890", msisdn = SampleMobile, observedAt = now.AddDays(-179) },
                new { imei = Samsung, imsi = "432111234567890", msisdn = SampleMobile, observedAt = now.AddDays(-181) },
            },
        });

        Assert.Equal(["Stored", "InTheFuture", "Stored", "OlderThanRetention"], Outcomes(body));
        Assert.Equal(2, await StoredSightings(Samsung));
    }

    [Fact]
    public async Task A_sighting_of_a_sim_hamta_does_not_know_is_stored_with_no_national_id()
    {
        var (_, body) = await Send(new { observations = new[] { Observation(Samsung, msisdn: "+98 919 999 9999") } });

        Assert.Equal(["Stored"], Outcomes(body));
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var nationalIds = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(national_id, 'none') from {SightingsStorage.Table} where msisdn = '{UnknownSim}'", TestContext.Current.CancellationToken);
        Assert.Equal(["none"], nationalIds);
    }

    [Fact]
    public async Task A_known_sim_is_stored_with_its_owners_national_id()
    {
        await Send(new { observations = new[] { Observation(Samsung) } });

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var nationalIds = await session.AdvancedSql.QueryAsync<string>(
            $"select national_id from {SightingsStorage.Table} where msisdn = '{SampleMobile}'", TestContext.Current.CancellationToken);
        Assert.Equal([SampleNationalId], nationalIds);
    }

    private async Task<int> StoredSightings(string imei)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.AdvancedSql.QueryAsync<int>($"select count(*)::int from {SightingsStorage.Table} where imei = ?",
            TestContext.Current.CancellationToken, imei)).Single();
    }
}
