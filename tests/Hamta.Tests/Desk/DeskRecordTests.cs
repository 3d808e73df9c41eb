using Hamta.Devices.Contracts;
using Hamta.Host.Api;
using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Desk;

/// <summary>What staff read about a device after its IMEIs changed: the ticket as the registry holds it now, and the history by any IMEI it had.</summary>
public sealed class DeskRecordTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private const string WrongImei = SamsungSecondImei;
    private const string CorrectImei = SamsungRealSecondImei;

    /// <summary>The seed's ticket, corrected by the registry after the operator's API reported both correct IMEIs with the owner's SIM.</summary>
    private async Task<long> CorrectedThroughTheOperatorApi()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        foreach (var imei in new[] { Samsung, CorrectImei })
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            var observation = new { imei, imsi = "432119121234567", msisdn = SampleMobile, observedAt = Clock.GetUtcNow() };
            var answer = await AndWaitForMessages(() =>
                MachineApi.PostAsync(Host, OperatorApi.Path, OperatorApi.KeyHeader, TestHost.OperatorKey, new { observations = new[] { observation } }));
            Assert.Equal(200, answer.Status);
        }

        return number;
    }

    private async Task<PortalClient> SignedInStaff(string username, string password)
    {
        var browser = NewBrowser();
        await browser.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        return browser;
    }

    private async Task<StreamHistoryView?> History(string imei)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StreamHistory>().FindAsync(HistoryKind.Imei, imei, null, null, TestContext.Current.CancellationToken) is [var device, ..] ? device : null;
    }

    [Fact]
    public async Task The_ticket_page_shows_the_devices_imeis_as_the_registry_holds_them_now_and_those_it_was_filed_with()
    {
        var number = await CorrectedThroughTheOperatorApi();
        var agent = await SignedInStaff("agent", DemoPasswords.Agent);

        var page = await agent.GetAsync($"/staff/tickets/{number}");

        var now = page.Document.QuerySelectorAll("#imeis-now .imei").Select(x => x.TextContent.Trim()).ToList();
        Assert.Equal([Samsung, CorrectImei], now);
        Assert.Contains(WrongImei, page.Document.QuerySelector("#imeis-at-filing")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_whose_device_did_not_change_shows_its_imeis_once()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        var agent = await SignedInStaff("agent", DemoPasswords.Agent);

        var page = await agent.GetAsync($"/staff/tickets/{number}");

        Assert.Equal([Samsung, WrongImei], page.Document.QuerySelectorAll("#imeis-now .imei").Select(x => x.TextContent.Trim()).ToList());
        Assert.Null(page.Document.QuerySelector("#imeis-at-filing"));
    }

    [Fact]
    public async Task The_history_finds_a_device_by_the_imei_a_correction_replaced()
    {
        await CorrectedThroughTheOperatorApi();
        var auditor = await SignedInStaff("auditor", DemoPasswords.Auditor);

        var page = await auditor.GetAsync($"/staff/history?kind=Imei&key={WrongImei}");

        Assert.NotNull(page.Document.QuerySelector("#history-former"));
        Assert.Contains(page.Document.QuerySelectorAll("#history-events summary"), summary => summary.TextContent.Trim() == "imei_corrected");
        Assert.Contains(CorrectImei, page.Document.QuerySelector("#history-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_finds_a_device_by_the_imei_a_repair_replaced()
    {
        const string before = Nokia;
        const string after = "353325101234585";
        Assert.Equal(RepairOutcome.Replaced, (await Ask<RepairResult>(new RegisterRepair(before, after, SampleMobile, SampleNationalId))).Outcome);

        var byOld = await History(before);
        var byNew = await History(after);

        Assert.NotNull(byOld);
        Assert.True(byOld.FormerImei);
        Assert.Equal(byNew!.Stream, byOld.Stream);
        Assert.False(byNew.FormerImei);
    }

    [Fact]
    public async Task A_correction_caused_by_an_operators_sighting_reads_as_the_systems_on_that_evidence()
    {
        var number = await CorrectedThroughTheOperatorApi();

        var device = (await History(CorrectImei))!;

        var correction = Assert.Single(device.Events, e => e.Event == "imei_corrected");
        Assert.Equal("system", correction.Actor);
        Assert.Contains($"ticket {number}", correction.Cause, StringComparison.Ordinal);
        Assert.Contains($"IMEI {CorrectImei} with SIM 0912***4567", correction.Cause, StringComparison.Ordinal);
        Assert.Contains($"operator {TestHost.OperatorName}", correction.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain(device.Events, e => e.Actor.Contains("operator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_state_on_the_history_page_shows_persian_as_persian()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber(), SeedMismatch("گوشی دو سیم‌کارته است؛ شناسه‌ها یکی نیستند.")));
        var auditor = await SignedInStaff("auditor", DemoPasswords.Auditor);

        var page = await auditor.GetAsync($"/staff/history?kind=Ticket&key={number}");

        var state = page.Document.QuerySelector("#history-state")!.TextContent;
        Assert.Contains("گوشی دو سیم‌کارته است؛ شناسه‌ها یکی نیستند.", state, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", state, StringComparison.Ordinal);
    }
}
