using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Desk;

public sealed class QueueTests(HamtaFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task The_queue_lists_every_ticket_newest_first_with_its_facts()
    {
        var other = await FileTicket(TicketSubject.IllegalDeviceWarning, OtherSimOfSample, imei: Nokia);
        var mismatch = await FileImeiMismatch();
        await ActByBus(mismatch, TicketAction.Assign);

        var queue = await (await SignedInStaff()).GetAsync("/staff/tickets");

        Assert.Equal(200, queue.Status);
        Assert.Equal([mismatch, other], Numbers(queue));
        var row = queue.Document.QuerySelector($"tr[data-number='{mismatch}']")!;
        var cells = row.QuerySelectorAll("td").Select(x => x.TextContent.Trim()).ToList();
        Assert.Equal($"/staff/tickets/{mismatch}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد", cells[2]);
        Assert.Equal(Samsung, cells[3]);
        Assert.Equal(SampleMobile, cells[4]);
        Assert.Equal("\u2066۱۴۰۵/۰۹/۰۳ ۱۲:۳۰\u2069", cells[5]);
        Assert.Equal("کمتر از یک ساعت", cells[6]);
        Assert.Equal("در حال بررسی", cells[7]);
        Assert.Equal("agent", cells[8]);
        var otherCells = queue.Document.QuerySelector($"tr[data-number='{other}']")!.QuerySelectorAll("td").Select(x => x.TextContent.Trim()).ToList();
        Assert.Equal(Nokia, otherCells[3]);
        Assert.Equal("ثبت شده", otherCells[7]);
        Assert.Equal("ارجاع نشده", otherCells[8]);
    }

    [Fact]
    public async Task The_queue_filters_by_status_and_by_subject()
    {
        var submitted = await FileTicket(TicketSubject.Other);
        var inReview = await FileTicket(TicketSubject.TransferWarning, OtherSimOfSample);
        await ActByBus(inReview, TicketAction.Assign);
        var awaiting = await FileImeiMismatch();
        var agent = await SignedInStaff();

        Assert.Equal([inReview], Numbers(await agent.GetAsync("/staff/tickets?status=InReview")));
        Assert.Equal([awaiting], Numbers(await agent.GetAsync("/staff/tickets?status=AwaitingNetworkEvidence")));
        Assert.Equal([submitted], Numbers(await agent.GetAsync("/staff/tickets?subject=Other")));
        Assert.Equal([inReview], Numbers(await agent.GetAsync("/staff/tickets?status=InReview&subject=TransferWarning")));
        Assert.Equal(3, Numbers(await agent.GetAsync("/staff/tickets?status=&subject=")).Count);

        var filtered = await agent.GetAsync("/staff/tickets?status=InReview&subject=TransferWarning");
        Assert.NotNull(filtered.Document.QuerySelector("#status option[value=InReview][selected]"));
        Assert.NotNull(filtered.Document.QuerySelector("#subject option[value=TransferWarning][selected]"));
        Assert.Equal("همه", filtered.Document.QuerySelector("#status option[value='']")!.TextContent);

        var none = await agent.GetAsync("/staff/tickets?status=Closed");
        Assert.Empty(Numbers(none));
        Assert.Contains("موردی یافت نشد", none.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_finds_a_ticket_by_its_number_its_imei_or_the_subscribers_mobile_in_persian_digits()
    {
        var mine = await FileTicket(TicketSubject.Other);
        var theirs = await FileTicket(TicketSubject.TravellerRegistration, OtherSimOfSample, imei: Nokia);
        var mismatch = await FileImeiMismatch();
        var agent = await SignedInStaff();

        Assert.Equal([mine], Numbers(await agent.GetAsync($"/staff/tickets?q={mine}")));
        Assert.Equal([mine], Numbers(await agent.GetAsync($"/staff/tickets?q={Uri.EscapeDataString(Persian(Invariant(mine)))}")));
        Assert.Equal([theirs], Numbers(await agent.GetAsync($"/staff/tickets?q={Uri.EscapeDataString("۰۹۱۳ ۱۲۳ ۴۵۶۷")}")));
        Assert.Equal([theirs], Numbers(await agent.GetAsync($"/staff/tickets?q={Uri.EscapeDataString("+98 913 123 4567")}")));
        Assert.Equal([mismatch, mine], Numbers(await agent.GetAsync($"/staff/tickets?q={SampleMobile}")));
        Assert.Equal([theirs], Numbers(await agent.GetAsync($"/staff/tickets?q={Uri.EscapeDataString(Persian("353325101234569"))}")));
        Assert.Equal([mismatch], Numbers(await agent.GetAsync($"/staff/tickets?q={SamsungRealSecondImei}")));
        Assert.Empty(Numbers(await agent.GetAsync("/staff/tickets?q=999999")));

        var searched = await agent.GetAsync($"/staff/tickets?q={Uri.EscapeDataString("۰۹۱۳ ۱۲۳ ۴۵۶۷")}");
        Assert.Equal("۰۹۱۳ ۱۲۳ ۴۵۶۷", searched.Document.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_date_range_is_in_tehran_days()
    {
        // 09:00 UTC is 12:30 in Tehran on 1405/09/03 (2026-11-24); 21:00 UTC is already 00:30 on the next Tehran day.
        var first = await FileTicket();
        Clock.Advance(TimeSpan.FromHours(12));
        var second = await FileTicket();
        Clock.Advance(TimeSpan.FromDays(2));
        var third = await FileTicket();
        var agent = await SignedInStaff();

        Assert.Equal([first], Numbers(await agent.GetAsync("/staff/tickets?to=1405/09/03")));
        Assert.Equal([third, second], Numbers(await agent.GetAsync("/staff/tickets?from=1405/09/04")));
        Assert.Equal([second], Numbers(await agent.GetAsync("/staff/tickets?from=1405/09/04&to=1405/09/04")));
        Assert.Equal([second, first], Numbers(await agent.GetAsync($"/staff/tickets?from={Uri.EscapeDataString("۱۴۰۵/۹/۳")}&to=1405-09-05")));

        var page = await agent.GetAsync($"/staff/tickets?from={Uri.EscapeDataString("۱۴۰۵/۰۹/۰۴")}&to=1405/09/04");
        Assert.Equal("۱۴۰۵/۰۹/۰۴", page.Document.QuerySelector("#from")!.GetAttribute("value"));
        Assert.Equal("numeric", page.Document.QuerySelector("#from")!.GetAttribute("inputmode"));

        foreach (var typo in new[] { "tomorrow", "1405/13/01", "1405/12/31", "2026-11-24" })
        {
            var bad = await agent.GetAsync($"/staff/tickets?from={Uri.EscapeDataString(typo)}");
            Assert.Equal(3, Numbers(bad).Count);
            Assert.Contains($"تاریخ «{typo}» معتبر نیست", bad.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_queue_shows_twenty_a_page_and_its_links_keep_the_filters()
    {
        var numbers = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            numbers.Add(await FileTicket(TicketSubject.Other, description: $"شرح {i}"));
        }

        var elsewhere = await FileTicket(TicketSubject.TransferWarning);
        var agent = await SignedInStaff();
        var newestFirst = numbers.AsEnumerable().Reverse().ToList();

        var first = await agent.GetAsync("/staff/tickets?subject=Other&q=" + Uri.EscapeDataString("۰۹۱۲۱۲۳۴۵۶۷"));
        Assert.Equal(newestFirst.Take(20), Numbers(first));
        Assert.Null(first.Document.QuerySelector("#previous-page"));
        Assert.Equal("بعدی", first.Document.QuerySelector("#next-page")!.TextContent);
        Assert.Contains("۱ تا ۲۰ از ۲۵", first.Text, StringComparison.Ordinal);
        var next = first.Document.QuerySelector("#next-page")!.GetAttribute("href")!;
        Assert.Contains("subject=Other", next, StringComparison.Ordinal);
        Assert.Contains("q=" + Uri.EscapeDataString("۰۹۱۲۱۲۳۴۵۶۷"), next, StringComparison.Ordinal);
        Assert.Contains("p=2", next, StringComparison.Ordinal);

        var second = await agent.GetAsync(next);
        Assert.Equal(newestFirst.Skip(20), Numbers(second));
        Assert.DoesNotContain(elsewhere, Numbers(second));
        Assert.Null(second.Document.QuerySelector("#next-page"));
        Assert.Equal("قبلی", second.Document.QuerySelector("#previous-page")!.TextContent);
        Assert.Equal(newestFirst.Take(20), Numbers(await agent.GetAsync(second.Document.QuerySelector("#previous-page")!.GetAttribute("href")!)));

        var unfiltered = await agent.GetAsync("/staff/tickets?p=2");
        Assert.Equal(6, Numbers(unfiltered).Count);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_staff_login()
    {
        foreach (var url in new[] { "/staff/tickets", "/staff/tickets/100001" })
        {
            var page = await NewBrowser().GetAsync(url);

            Assert.Equal(302, page.Status);
            Assert.StartsWith("/staff/login", page.Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_subscriber_is_sent_to_the_staff_login()
    {
        var number = await FileTicket();
        var subscriber = await SignedInSubscriber();

        foreach (var url in new[] { "/staff/tickets", $"/staff/tickets/{number}" })
        {
            var page = await subscriber.GetAsync(url);

            Assert.Equal(302, page.Status);
            Assert.StartsWith("/staff/login", page.Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Agents_and_admins_find_the_queue_on_the_staff_home()
    {
        var number = await FileTicket();

        foreach (var staff in new[] { await SignedInStaff(), await SignedInAdmin() })
        {
            var home = await staff.GetAsync("/staff");
            Assert.NotNull(home.Document.QuerySelector("a[href='/staff/tickets']"));
            Assert.Equal([number], Numbers(await staff.GetAsync("/staff/tickets")));
        }
    }
}
