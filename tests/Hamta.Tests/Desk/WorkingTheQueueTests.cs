using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Desk;

/// <summary>Working the queue: the staff menu, «تیکت‌های من», each ticket's age with overdue ones marked, and bulk assignment.</summary>
public sealed class WorkingTheQueueTests(HamtaFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task An_agent_takes_the_ticked_tickets_at_once_and_finds_them_under_my_tickets()
    {
        var first = await FileTicket();
        var second = await FileTicket(TicketSubject.TransferWarning, OtherSimOfSample);
        var settled = await FileTicket(TicketSubject.ActivationCodeProblem);
        await ActByBus(settled, TicketAction.Reject, "کد درست بود.");
        var untouched = await FileTicket(TicketSubject.Other, OtherSimOfSample);
        var agent = await SignedInStaff();

        var queue = await agent.GetAsync("/staff/tickets");
        var form = queue.Document.QuerySelector("form#bulk-assign")!;
        Assert.Equal("/staff/tickets?p=1&handler=Assign", form.GetAttribute("action"));
        var done = await AndWaitForMessages(() => agent.PostAsync(form.GetAttribute("action")!, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["numbers[0]"] = Invariant(first),
            ["numbers[1]"] = Invariant(second),
            ["numbers[2]"] = Invariant(settled),
        }));

        Assert.Equal("/staff/tickets?p=1&assigned=2", done.Location);
        var confirmation = await agent.GetAsync(done.Location!);
        Assert.Contains("۲ تیکت به شما ارجاع شد", confirmation.Document.QuerySelector("#assigned")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("agent", "agent", null, null), ((await Details(first)).AssignedAgent, (await Details(second)).AssignedAgent, (await Details(settled)).AssignedAgent, (await Details(untouched)).AssignedAgent));
        Assert.Equal(TicketStatus.Rejected, (await Details(settled)).Status);

        var mine = await agent.GetAsync("/staff/tickets?mine=true");
        Assert.Equal([second, first], Numbers(mine));
        Assert.NotNull(mine.Document.QuerySelector("#mine[checked]"));
        Assert.Empty(Numbers(await (await SignedInAdmin()).GetAsync("/staff/tickets?mine=true")));
    }

    [Fact]
    public async Task Assigning_with_nothing_ticked_says_so_and_changes_nothing()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();

        var page = await agent.SubmitAsync("/staff/tickets", new Dictionary<string, string>(), "/staff/tickets?p=1&handler=Assign");

        Assert.Equal(200, page.Status);
        Assert.Contains("هیچ تیکتی انتخاب نشده است", page.Document.QuerySelector("#none-selected")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await Details(number)).AssignedAgent);
    }

    [Fact]
    public async Task An_open_ticket_past_its_subjects_response_target_is_marked_overdue_a_settled_one_never()
    {
        var open = await FileTicket();
        var settled = await FileTicket(TicketSubject.TransferWarning, OtherSimOfSample);
        await ActByBus(settled, TicketAction.Reject, "پاسخ داده شد.");

        Clock.Advance(TimeSpan.FromHours(71));
        var early = await (await SignedInStaff()).GetAsync("/staff/tickets");
        Clock.Advance(TimeSpan.FromHours(2));
        var late = await (await SignedInStaff()).GetAsync("/staff/tickets");

        Assert.Equal("false", early.Document.QuerySelector($"tr[data-number='{open}'] td.age")!.GetAttribute("data-overdue"));
        Assert.Contains("۲ روز", early.Document.QuerySelector($"tr[data-number='{open}'] td.age")!.TextContent, StringComparison.Ordinal);
        var age = late.Document.QuerySelector($"tr[data-number='{open}'] td.age")!;
        Assert.Equal("true", age.GetAttribute("data-overdue"));
        Assert.Contains("۳ روز", age.TextContent, StringComparison.Ordinal);
        Assert.Contains("دیرکرد", age.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", late.Document.QuerySelector($"tr[data-number='{settled}'] td.age")!.GetAttribute("data-overdue"));
    }

    [Fact]
    public async Task The_staff_area_has_a_menu_of_its_own_by_role()
    {
        string[] LinksOf(PortalPage page) => page.Document.QuerySelectorAll("nav.staff-menu a").Select(a => a.GetAttribute("href")!).ToArray();

        var agent = await (await SignedInStaff()).GetAsync("/staff/tickets");
        var admin = await (await SignedInAdmin()).GetAsync("/staff");
        var auditorBrowser = NewBrowser();
        await auditorBrowser.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "auditor", ["password"] = DemoPasswords.Auditor });
        var auditor = await auditorBrowser.GetAsync("/staff/history");

        var clerkBrowser = NewBrowser();
        await clerkBrowser.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "clerk", ["password"] = DemoPasswords.Clerk });
        var clerk = await clerkBrowser.GetAsync("/staff");

        Assert.Equal(["/staff/tickets", "/staff/tickets?mine=true", "/staff/statistics", "/staff/classification-runs", "/staff/lists", "/staff/lost-cases", "/staff/sim-expiry"], LinksOf(agent));
        Assert.Equal(["/staff/tickets", "/staff/tickets?mine=true", "/staff/statistics", "/staff/classification-runs", "/staff/lists", "/staff/blocks", "/staff/lost-cases", "/staff/sim-expiry", "/staff/history", "/staff/declarations", "/staff/accounts", "/hangfire"], LinksOf(admin));
        Assert.Equal(["/staff/history"], LinksOf(auditor));
        Assert.Equal(["/staff/declarations"], LinksOf(clerk));
        Assert.NotNull(agent.Document.QuerySelector("nav.staff-menu form[action='/staff/logout'] input[name=__RequestVerificationToken]"));
        Assert.Empty(LinksOf(await (await SignedInSubscriber()).GetAsync("/devices")));
    }
}
