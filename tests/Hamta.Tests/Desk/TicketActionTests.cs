using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Desk;

public sealed class TicketActionTests(HamtaFixture fixture) : DeskTest(fixture)
{
    private static string? StatusOf(PortalPage page) => page.Document.QuerySelector("#status")?.GetAttribute("data-status");

    private static List<string> KindsOf(PortalPage page) =>
        page.Document.QuerySelectorAll("#timeline li").Select(x => x.GetAttribute("data-kind")!).ToList();

    [Fact]
    public async Task The_ticket_page_shows_the_facts_and_the_timeline()
    {
        var number = await FileImeiMismatch();

        var page = await TicketPage(await SignedInStaff(), number);

        Assert.Equal(200, page.Status);
        var facts = page.Document.QuerySelector("#facts")!.TextContent;
        Assert.Contains(Display.Number(number), facts, StringComparison.Ordinal);
        Assert.Contains("شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد", facts, StringComparison.Ordinal);
        Assert.Contains("در انتظار رؤیت در شبکه", facts, StringComparison.Ordinal);
        Assert.Contains(SampleMobile, facts, StringComparison.Ordinal);
        Assert.Contains("Galaxy A54", facts, StringComparison.Ordinal);
        Assert.Contains(SamsungSecondImei, facts, StringComparison.Ordinal);
        Assert.Contains(SamsungRealSecondImei, page.Document.QuerySelector("#correct-imeis")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("شناسه دوم گوشی با همتا یکی نیست", page.Document.QuerySelector("#description")!.TextContent.Trim());
        Assert.Equal("ارجاع نشده", page.Document.QuerySelector("#agent")!.TextContent.Trim());
        Assert.Equal(["Opened", "AwaitingNetworkEvidence"], KindsOf(page));
        Assert.Contains("\u2066۱۴۰۵/۰۹/۰۳ ۱۲:۳۰\u2069", page.Document.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
        foreach (var handler in new[] { "Assign", "Reply", "InternalNote", "RequestInformation", "Resolve", "Reject" })
        {
            Assert.NotNull(page.Document.QuerySelector($"button[formaction='/staff/tickets/{number}?handler={handler}']"));
        }

        var text = page.Document.QuerySelector("textarea#text")!;
        Assert.Equal("2000", text.GetAttribute("maxlength"));
        Assert.Contains("text-error", text.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("label[for=text]"));
        Assert.Equal(Invariant((await Details(number)).Version), page.Document.QuerySelector("#act-form input[name=version]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Assigning_to_me_puts_the_ticket_in_review_without_an_sms()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();

        var done = await AndWaitForMessages(() => OpenAndPress(agent, number, "Assign"));

        Assert.Equal(302, done.Status);
        Assert.Equal($"/staff/tickets/{number}?done=Assign", done.Location);
        var page = await agent.GetAsync(done.Location!);
        Assert.Contains("تیکت به شما ارجاع شد", page.Document.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("InReview", StatusOf(page));
        Assert.Contains("agent", page.Document.QuerySelector("#agent")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"button[formaction='/staff/tickets/{number}?handler=Assign']"));
        Assert.Equal("agent", (await Details(number)).AssignedAgent);
        Assert.Single(await NoticesTo(SampleMobile));
    }

    [Fact]
    public async Task A_reply_is_written_shown_and_sent_to_the_subscriber_by_sms()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();

        var done = await AndWaitForMessages(() => OpenAndPress(agent, number, "Reply", "  لطفا گوشی را یک بار خاموش و روشن کنید.  "));

        Assert.Equal($"/staff/tickets/{number}?done=Reply", done.Location);
        var page = await agent.GetAsync(done.Location!);
        Assert.Contains("پاسخ شما ثبت", page.Text, StringComparison.Ordinal);
        Assert.Equal("InReview", StatusOf(page));
        Assert.Equal(["Opened", "AgentReply"], KindsOf(page));
        var reply = page.Document.QuerySelector("#timeline li[data-kind=AgentReply]")!;
        Assert.Contains("لطفا گوشی را یک بار خاموش و روشن کنید.", reply.TextContent, StringComparison.Ordinal);
        Assert.Contains($"کارشناس {Display.Isolate("agent")}", reply.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelector("textarea#text")!.TextContent);

        var entry = (await Details(number)).Timeline[^1];
        Assert.Equal(new TicketActor(TicketActorKind.Agent, "agent"), entry.Actor);
        Assert.Equal("لطفا گوشی را یک بار خاموش و روشن کنید.", entry.Text);
        var notices = await NoticesTo(SampleMobile);
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, sms => sms.Contains($"به تیکت {Display.Number(number)} پاسخ داده شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_internal_note_sends_no_sms_and_keeps_the_status()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();

        var done = await AndWaitForMessages(() => OpenAndPress(agent, number, "InternalNote", "مشترک قبلا هم تماس گرفته است"));

        Assert.Equal($"/staff/tickets/{number}?done=InternalNote", done.Location);
        var page = await agent.GetAsync(done.Location!);
        Assert.Equal("Submitted", StatusOf(page));
        var note = page.Document.QuerySelector("#timeline li[data-kind=InternalNote]")!;
        Assert.Contains("مشترک قبلا هم تماس گرفته است", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("داخلی", note.QuerySelector(".badge")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await NoticesTo(SampleMobile));

        // The subscriber's own query never carries internal notes.
        var asSubscriber = await Ask<TicketDetails?>(new GetTicket(number, SampleNationalId));
        Assert.NotNull(asSubscriber);
        Assert.DoesNotContain(asSubscriber.Timeline, x => x.Kind == TicketEntryKind.InternalNote);
        Assert.DoesNotContain(asSubscriber.Timeline, x => x.Text == "مشترک قبلا هم تماس گرفته است");
    }

    [Fact]
    public async Task Requesting_information_waits_for_the_subscriber_and_tells_them_by_sms()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();

        var done = await AndWaitForMessages(() => OpenAndPress(agent, number, "RequestInformation", "لطفا تصویر فاکتور خرید را بفرستید."));

        Assert.Equal($"/staff/tickets/{number}?done=RequestInformation", done.Location);
        var page = await agent.GetAsync(done.Location!);
        Assert.Equal("AwaitingSubscriber", StatusOf(page));
        Assert.Contains("نیازمند اطلاعات تکمیلی", page.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Opened", "InformationRequested"], KindsOf(page));
        Assert.Contains(await NoticesTo(SampleMobile), sms => sms.Contains($"تیکت {Display.Number(number)} اطلاعات تکمیلی لازم است", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolving_settles_the_ticket_and_tells_the_subscriber_by_sms()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();

        var done = await AndWaitForMessages(() => OpenAndPress(agent, number, "Resolve", "شناسه دستگاه اصلاح شد."));

        Assert.Equal($"/staff/tickets/{number}?done=Resolve", done.Location);
        var page = await agent.GetAsync(done.Location!);
        Assert.Equal("Resolved", StatusOf(page));
        Assert.Contains("رفع شده", page.Document.QuerySelector("#status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("شناسه دستگاه اصلاح شد.", page.Document.QuerySelector("#timeline li[data-kind=Resolved]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#settled"));
        Assert.Null(page.Document.QuerySelector("#act-form"));
        Assert.NotNull((await Details(number)).ResolvedAt);
        Assert.Contains(await NoticesTo(SampleMobile), sms => sms.Contains($"تیکت {Display.Number(number)} رفع شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rejecting_settles_the_ticket_with_the_reason_and_tells_the_subscriber_by_sms()
    {
        var number = await FileTicket(mobile: OtherSimOfSample);
        var agent = await SignedInStaff();

        var done = await AndWaitForMessages(() => OpenAndPress(agent, number, "Reject", "دستگاه به نام شما ثبت نشده است."));

        Assert.Equal($"/staff/tickets/{number}?done=Reject", done.Location);
        var page = await agent.GetAsync(done.Location!);
        Assert.Equal("Rejected", StatusOf(page));
        Assert.Contains("دستگاه به نام شما ثبت نشده است.", page.Document.QuerySelector("#timeline li[data-kind=Rejected]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(await NoticesTo(OtherSimOfSample), sms => sms.Contains($"تیکت {Display.Number(number)} رد شد", StringComparison.Ordinal));
        Assert.Single(await NoticesTo(OtherSimOfSample), sms => sms.Contains("رد شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acting_on_a_settled_ticket_is_not_allowed()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();
        var before = await TicketPage(agent, number);
        await ActByBus(number, TicketAction.Resolve, "رفع شد");
        var fresh = await TicketPage(agent, number);
        var version = (await Details(number)).Version;

        // A hand-made post with the current version: the page offers no form any more.
        var page = await agent.PostAsync($"/staff/tickets/{number}?handler=Reply", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = before.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["version"] = Invariant(version),
            ["text"] = "پاسخ دیرهنگام",
        });

        Assert.Null(fresh.Document.QuerySelector("#act-form"));
        Assert.Equal(200, page.Status);
        Assert.Contains("در وضعیت کنونی تیکت ممکن نیست", page.Document.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("پاسخ دیرهنگام", page.Document.QuerySelector("textarea#text")!.TextContent);
        Assert.Equal(version, (await Details(number)).Version);
    }

    [Fact]
    public async Task Two_agents_act_from_the_same_version_and_the_second_is_told_and_keeps_their_text()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();
        var admin = await SignedInAdmin();
        var agentsPage = await TicketPage(agent, number);
        var adminsPage = await TicketPage(admin, number);

        var first = await AndWaitForMessages(() => Press(agent, agentsPage, number, "Reply", "پاسخ کارشناس نخست"));
        var second = await AndWaitForMessages(() => Press(admin, adminsPage, number, "Reply", "پاسخ کارشناس دوم\nبا دو خط"));

        Assert.Equal(302, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(
            "این تیکت در این فاصله تغییر کرده است؛ صفحه را دوباره ببینید و اقدام خود را تکرار کنید.",
            second.Document.QuerySelector("#problem")!.TextContent.Trim());
        Assert.Equal("پاسخ کارشناس دوم\nبا دو خط", second.Document.QuerySelector("textarea#text")!.TextContent);
        Assert.Contains("پاسخ کارشناس نخست", second.Document.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);

        var ticket = await Details(number);
        Assert.DoesNotContain(ticket.Timeline, x => x.Text?.Contains("کارشناس دوم", StringComparison.Ordinal) == true);
        Assert.Single(ticket.Timeline, x => x.Kind == TicketEntryKind.AgentReply);
        Assert.Equal(2, (await NoticesTo(SampleMobile)).Count);

        // The page now carries the new version: pressing again writes the reply.
        var again = await AndWaitForMessages(() => Press(admin, second, number, "Reply", "پاسخ کارشناس دوم"));
        Assert.Equal(302, again.Status);
        Assert.Equal(2, (await Details(number)).Timeline.Count(x => x.Kind == TicketEntryKind.AgentReply));
    }

    [Fact]
    public async Task When_the_ticket_was_settled_meanwhile_the_unsent_text_is_still_shown()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();
        var admin = await SignedInAdmin();
        var adminsPage = await TicketPage(admin, number);
        await AndWaitForMessages(() => OpenAndPress(agent, number, "Resolve", "رفع شد"));

        var late = await Press(admin, adminsPage, number, "InternalNote", "یادداشتی که دیر رسید");

        Assert.Contains("تغییر کرده است", late.Document.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("یادداشتی که دیر رسید", late.Document.QuerySelector("textarea#text")!.TextContent);
        Assert.DoesNotContain((await Details(number)).Timeline, x => x.Kind == TicketEntryKind.InternalNote);
    }

    [Theory]
    [InlineData("Reply", "", "متن پاسخ را بنویسید")]
    [InlineData("Reply", "   ", "متن پاسخ را بنویسید")]
    [InlineData("InternalNote", "", "متن یادداشت داخلی را بنویسید")]
    [InlineData("RequestInformation", "", "چه اطلاعاتی")]
    [InlineData("Resolve", "", "پیام رفع")]
    [InlineData("Reject", "", "دلیل رد را بنویسید")]
    public async Task An_empty_text_is_refused_beside_the_field_and_nothing_is_written(string handler, string text, string message)
    {
        var number = await FileTicket();
        var version = (await Details(number)).Version;
        var agent = await SignedInStaff();

        var page = await AndWaitForMessages(() => OpenAndPress(agent, number, handler, text));

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor("text"), StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector("textarea#text")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.Document.QuerySelector("#error-summary"));
        var ticket = await Details(number);
        Assert.Equal(version, ticket.Version);
        Assert.Single(ticket.Timeline);
        Assert.Single(await NoticesTo(SampleMobile));
    }

    [Fact]
    public async Task A_text_longer_than_2000_characters_is_refused_and_kept()
    {
        var number = await FileTicket();
        var text = new string('ب', 2001);

        var page = await OpenAndPress(await SignedInStaff(), number, "Reply", text);

        Assert.Equal(200, page.Status);
        Assert.Contains("2000", Digits(page.ErrorFor("text")), StringComparison.Ordinal);
        Assert.Equal(text, page.Document.QuerySelector("textarea#text")!.TextContent);
        Assert.Single((await Details(number)).Timeline);
    }

    [Fact]
    public async Task An_unknown_ticket_number_is_not_found()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();
        var page = await TicketPage(agent, number);

        Assert.Equal(404, (await agent.GetAsync("/staff/tickets/99999999")).Status);
        var forged = await agent.PostAsync("/staff/tickets/99999999?handler=Reply", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["version"] = "1",
            ["text"] = "پاسخ",
        });
        Assert.Equal(404, forged.Status);
        Assert.Equal(404, (await agent.GetAsync("/staff/tickets/not-a-number")).Status);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var number = await FileTicket();
        var agent = await SignedInStaff();

        var page = await agent.PostAsync($"/staff/tickets/{number}?handler=Reply", new Dictionary<string, string> { ["version"] = "1", ["text"] = "پاسخ" });

        Assert.Equal(400, page.Status);
        Assert.Single((await Details(number)).Timeline);
    }

    private static string Digits(string? text) => Hamta.Kernel.Text.DigitNormalizer.Normalize(text);
}
