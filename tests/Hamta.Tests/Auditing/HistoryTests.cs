using Hamta.Testing;
using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Sim.Contracts;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Auditing;

public sealed class HistoryTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private async Task<long> CorrectedBySeedTicket()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        foreach (var imei in new[] { Samsung, SamsungRealSecondImei })
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
                [new AttachObservationRecord(imei, "432119121234567", SampleMobile, Clock.GetUtcNow())])));
        }

        return number;
    }

    private async Task<PortalClient> SignedInStaff(string username, string password)
    {
        var browser = NewBrowser();
        await browser.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        return browser;
    }

    [Fact]
    public async Task Time_travel_shows_the_device_before_and_after_its_imei_correction()
    {
        var number = await CorrectedBySeedTicket();
        await using var scope = Host.Services.CreateAsyncScope();
        var history = scope.ServiceProvider.GetRequiredService<StreamHistory>();

        var now = (await history.FindAsync(HistoryKind.Imei, SamsungRealSecondImei, null, null, TestContext.Current.CancellationToken))[0];
        var correction = Assert.Single(now.Events, e => e.Event == "imei_corrected");
        var before = (await history.FindAsync(HistoryKind.Imei, SamsungRealSecondImei, "devices", correction.Version - 1, TestContext.Current.CancellationToken))[0];

        Assert.Contains(SamsungRealSecondImei, now.State, StringComparison.Ordinal);
        Assert.DoesNotContain(SamsungSecondImei, now.State, StringComparison.Ordinal);
        Assert.Contains(SamsungSecondImei, before.State, StringComparison.Ordinal);
        Assert.Contains($"{number}", correction.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_page_shows_who_and_why_for_each_event()
    {
        var number = await CorrectedBySeedTicket();
        var auditor = await SignedInStaff("auditor", DemoPasswords.Auditor);

        var page = await auditor.GetAsync($"/staff/history?kind=Ticket&key={number}");

        Assert.Equal(200, page.Status);
        var rows = page.Document.QuerySelectorAll("#history-events tbody tr").ToList();
        Assert.Equal("ticket_opened", rows[0].QuerySelectorAll("td")[2].QuerySelector("summary")!.TextContent.Trim());
        Assert.All(rows, row => Assert.NotEmpty(row.QuerySelectorAll("td")[4].TextContent.Trim()));
        Assert.Equal("subscriber 0912***4567", rows[0].QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Contains(rows, row => row.TextContent.Contains("network evidence", StringComparison.Ordinal));
        Assert.Contains("Resolved", page.Document.QuerySelector("#history-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_a_subscriber_nor_an_agent_can_open_the_history()
    {
        var subscriber = await SignedInSubscriber();
        var agent = await SignedInStaff("agent", DemoPasswords.Agent);
        var admin = await SignedInStaff("admin", DemoPasswords.Admin);

        Assert.Equal(302, (await subscriber.GetAsync($"/staff/history?kind=Imei&key={Samsung}")).Status);
        Assert.Equal(403, (await agent.GetAsync($"/staff/history?kind=Imei&key={Samsung}")).Status);
        Assert.Equal(200, (await admin.GetAsync($"/staff/history?kind=Imei&key={Samsung}")).Status);
    }
}
