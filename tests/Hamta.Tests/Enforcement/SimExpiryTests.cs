using Hamta.Host.Api;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Registry;

namespace Hamta.Tests.Enforcement;

public sealed class SimExpiryTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private const string Stranger = SecondUserSim;

    private Task<MachineAnswer> OperatorExpires(object body, string? key = TestHost.OperatorKey) =>
        AndWaitForMessages(() => MachineApi.PostAsync(Host, SimExpiryApi.Path, OperatorApi.KeyHeader, key, body));

    private async Task<PortalPage> AgentExpires(string number)
    {
        var agent = NewBrowser();
        Assert.Equal("/staff", (await agent.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "agent", ["password"] = DemoPasswords.Agent })).Location);
        var page = await AndWaitForMessages(() => agent.SubmitAsync("/staff/sim-expiry", new Dictionary<string, string> { ["number"] = number }));
        return page.Status == 302 ? await agent.GetAsync(page.Location!) : page;
    }

    [Fact]
    public async Task An_agent_expires_a_sim_and_its_devices_move_to_the_other_sim_of_the_same_national_id()
    {
        var page = await AgentExpires(Persian(SampleMobile));

        Assert.Contains("به سیم‌کارت", page.Document.QuerySelector("#done")?.TextContent, StringComparison.Ordinal);
        var sims = await (await SignedInSubscriber(OtherSimOfSample)).GetAsync("/sims");
        var successor = sims.Document.QuerySelector($"section[aria-labelledby='sim-{OtherSimOfSample}']")?.TextContent;
        Assert.Contains(Samsung, successor, StringComparison.Ordinal);
        Assert.Contains(Nokia, successor, StringComparison.Ordinal);
        Assert.Contains(await SmsTo(OtherSimOfSample, SmsKind.Notice), sms => sms.Text.Contains($"{Display.Identifier("0912***4567")} منقضی شد", StringComparison.Ordinal));
        var status = await StatusOf(await SignedInSubscriber(Stranger), Nokia);
        Assert.Contains("تحت مالکیت قطعی", status, StringComparison.Ordinal);
        Assert.DoesNotContain("آخرین مالک", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operator_expires_the_only_sim_of_a_national_id_and_its_device_shows_the_masked_last_owner()
    {
        var answer = await OperatorExpires(new { numbers = new[] { "+98" + Stranger[1..] } });

        Assert.Equal(200, answer.Status);
        Assert.Equal("Expired", answer.Body.GetProperty("records")[0].GetProperty("outcome").GetString());
        var status = await StatusOf(await SignedInSubscriber(), Xiaomi);
        Assert.Contains("بدون مالک", status, StringComparison.Ordinal);
        Assert.Contains("آخرین مالک", status, StringComparison.Ordinal);
        Assert.Contains("0935***4567", status, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondUserSim, status, StringComparison.Ordinal);
        Assert.False((await Ask<SimCardInfo?>(new FindSimCard(Stranger)))!.Active);
    }

    [Fact]
    public async Task A_sim_expires_once_and_each_number_of_the_feed_gets_its_own_outcome()
    {
        await OperatorExpires(new { numbers = new[] { Stranger } });

        var answer = await OperatorExpires(new { numbers = new[] { Stranger, "09991234567", "not a number", null } });

        var outcomes = answer.Body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["AlreadyExpired", "UnknownSim", "InvalidNumber", "InvalidNumber"], outcomes);
        Assert.Equal((0, 1, 3), (answer.Body.GetProperty("expired").GetInt32(), answer.Body.GetProperty("alreadyExpired").GetInt32(), answer.Body.GetProperty("rejected").GetInt32()));
    }

    [Fact]
    public async Task The_feed_refuses_a_wrong_key_a_broken_body_and_too_many_numbers_without_expiring_anything()
    {
        Assert.Equal(401, (await OperatorExpires(new { numbers = new[] { Stranger } }, key: "wrong-key")).Status);
        Assert.Equal(400, (await MachineApi.PostAsync(Host, SimExpiryApi.Path, OperatorApi.KeyHeader, TestHost.OperatorKey, null, raw: "{\"numbers\":")).Status);
        Assert.Equal(400, (await OperatorExpires(new { numbers = Array.Empty<string>() })).Status);
        Assert.Equal(400, (await OperatorExpires(new { numbers = Enumerable.Repeat(Stranger, SimExpiryApi.MaxNumbers + 1) })).Status);

        Assert.True((await Ask<SimCardInfo?>(new FindSimCard(Stranger)))!.Active);
    }

    [Theory]
    [InlineData("0912", "شماره همراه درست نیست")]
    [InlineData("09991234567", "در همتا ثبت نشده")]
    public async Task An_agents_bad_number_is_refused_in_persian(string number, string message)
    {
        var page = await AgentExpires(number);

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor("number"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#done"));
    }

    [Fact]
    public async Task Subscribers_cannot_expire_sims()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/staff/sim-expiry");

        Assert.Equal(302, page.Status);
        Assert.StartsWith("/staff/login", page.Location, StringComparison.Ordinal);
    }
}
