using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Tickets;

public sealed class TicketListTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private async Task<List<long>> FileOtherTickets(int count, string nationalId = SampleNationalId, string sim = SampleMobile)
    {
        var numbers = new List<long>();
        for (var i = 0; i < count; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            var opened = await Ask<OpenTicketResult>(new OpenTicket(
                TicketSubject.Other, sim, nationalId, null, [], new Dictionary<string, string>(), $"درخواست {i}"));
            numbers.Add(opened.Number);
        }

        return numbers;
    }

    private static string[] Column(PortalPage page, int column) =>
        page.Document.QuerySelectorAll("#my-tickets tbody tr").Select(tr => tr.QuerySelectorAll("td")[column].TextContent.Trim()).ToArray();

    [Fact]
    public async Task More_than_ten_tickets_page_newest_first_with_previous_and_next()
    {
        var numbers = await FileOtherTickets(23);
        var newestFirst = numbers.AsEnumerable().Reverse().Select(n => Display.Number(n)).ToArray();
        var browser = await SignedInSubscriber();

        var first = await browser.GetAsync("/tickets");
        Assert.Equal(newestFirst[..10], Column(first, 1));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => Display.Number(i)), Column(first, 0));
        Assert.Null(first.Document.QuerySelector("a.page-link[href*='after=']"));

        var second = await browser.GetAsync(first.Document.QuerySelector("a.page-link[href*='before=']")!.GetAttribute("href")!);
        Assert.Equal(newestFirst[10..20], Column(second, 1));
        Assert.Equal("۱۱", Column(second, 0)[0]);

        var third = await browser.GetAsync(second.Document.QuerySelector("a.page-link[href*='before=']")!.GetAttribute("href")!);
        Assert.Equal(newestFirst[20..], Column(third, 1));
        Assert.Null(third.Document.QuerySelector("a.page-link[href*='before=']"));

        var back = await browser.GetAsync(third.Document.QuerySelector("a.page-link[href*='after=']")!.GetAttribute("href")!);
        Assert.Equal(newestFirst[10..20], Column(back, 1));
    }

    [Fact]
    public async Task A_larger_page_size_can_be_chosen()
    {
        await FileOtherTickets(12);
        var browser = await SignedInSubscriber();

        var page = await browser.GetAsync("/tickets?size=25");

        Assert.Equal(12, Column(page, 1).Length);
    }

    [Fact]
    public async Task A_subscriber_never_sees_another_subscribers_tickets()
    {
        var theirs = (await FileOtherTickets(1, nationalId: SecondUserNationalId, sim: SecondUserSim))[0];
        var browser = await SignedInSubscriber();

        Assert.Contains("موردی یافت نشد", (await browser.GetAsync("/tickets")).Text, StringComparison.Ordinal);
        Assert.Equal(404, (await browser.GetAsync($"/tickets/{theirs}")).Status);
        var forged = await browser.PostAsync($"/tickets/{theirs}?handler=Close", new Dictionary<string, string> { ["version"] = "1" });
        Assert.True(forged.Status is 400 or 404);
        var details = await Ask<TicketDetails?>(new GetTicket(theirs, SecondUserNationalId));
        Assert.Equal(TicketStatus.Submitted, details!.Status);
    }

    [Fact]
    public async Task Closing_someone_elses_ticket_with_a_valid_form_of_my_own_is_refused()
    {
        var theirs = (await FileOtherTickets(1, nationalId: SecondUserNationalId, sim: SecondUserSim))[0];
        var mine = (await FileOtherTickets(1))[0];
        var browser = await SignedInSubscriber();

        var page = await browser.SubmitAsync($"/tickets/{mine}", new Dictionary<string, string> { ["version"] = "1" }, $"/tickets/{theirs}?handler=Close");

        Assert.Equal(404, page.Status);
        Assert.Equal(TicketStatus.Submitted, (await Ask<TicketDetails?>(new GetTicket(theirs, null)))!.Status);
    }
}
