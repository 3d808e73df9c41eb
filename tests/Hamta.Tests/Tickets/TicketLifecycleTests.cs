using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Tickets;

public sealed class TicketLifecycleTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private static readonly TicketActor Agent = new(TicketActorKind.Agent, "agent");

    private async Task<long> Version(long number) => (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Version;

    private async Task AgentDoes(long number, TicketAction action, string? text, TicketActionOutcome expected = TicketActionOutcome.Done) =>
        Assert.Equal(expected, (await AndWaitForMessages(async () =>
            await Ask<TicketActionResult>(new ActOnTicket(number, action, Agent, text, await Version(number))))).Outcome);

    [Fact]
    public async Task The_subscriber_answers_a_request_for_information_and_reads_the_agents_reply_with_an_sms_each_time()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));

        await AgentDoes(number, TicketAction.RequestInformation, "لطفا تصویر جعبه گوشی را بفرستید.");
        var asked = await browser.GetAsync($"/tickets/{number}");
        Assert.Contains("نیازمند اطلاعات تکمیلی", asked.Document.QuerySelector("#ticket-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("لطفا تصویر جعبه گوشی را بفرستید.", asked.Text, StringComparison.Ordinal);

        var answered = await browser.SubmitAsync($"/tickets/{number}", new Dictionary<string, string> { ["text"] = "تصویر جعبه پیوست نمی‌شود؛ شماره سریال روی جعبه ...809 است." }, $"/tickets/{number}?handler=Reply");
        Assert.Equal($"/tickets/{number}", answered.Location);
        var inReview = await browser.GetAsync($"/tickets/{number}");
        Assert.Contains("در حال بررسی", inReview.Document.QuerySelector("#ticket-status")!.TextContent, StringComparison.Ordinal);

        await AgentDoes(number, TicketAction.Reply, "مدارک شما دریافت شد.");
        Assert.Contains("مدارک شما دریافت شد.", (await browser.GetAsync($"/tickets/{number}")).Text, StringComparison.Ordinal);
        var notices = await SmsTo(SampleMobile, SmsKind.Notice);
        Assert.Equal(3, notices.Count);
        Assert.All(notices, sms => Assert.Contains($"تیکت {Display.Number(number)}", sms.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_internal_note_is_never_shown_to_the_subscriber()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));

        await AgentDoes(number, TicketAction.InternalNote, "یادداشت محرمانه کارشناس");

        Assert.DoesNotContain("یادداشت محرمانه کارشناس", (await browser.GetAsync($"/tickets/{number}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_beside_the_field_and_nothing_is_written()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));
        await AgentDoes(number, TicketAction.RequestInformation, "توضیح بیشتر؟");
        var before = await Version(number);

        var page = await browser.SubmitAsync($"/tickets/{number}", new Dictionary<string, string> { ["text"] = "   " }, $"/tickets/{number}?handler=Reply");

        Assert.Contains("متن پاسخ را بنویسید", page.ErrorFor("text"), StringComparison.Ordinal);
        Assert.Equal(before, await Version(number));
    }

    [Fact]
    public async Task Markup_in_a_description_is_shown_as_text()
    {
        var browser = await SignedInSubscriber();

        var number = NumberFrom(await FileMismatch(browser, SeedMismatch("<script>alert(1)</script> شرح")));

        var page = await browser.GetAsync($"/tickets/{number}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_resolved_ticket_can_be_reopened_within_seven_days_but_not_after()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));
        await AgentDoes(number, TicketAction.Resolve, "شناسه دوم اصلاح شد.", TicketActionOutcome.CorrectionRequested);

        Clock.Advance(TimeSpan.FromDays(6));
        browser = await SignedInSubscriber();
        var reopened = await browser.SubmitAsync($"/tickets/{number}", new Dictionary<string, string>(), $"/tickets/{number}?handler=Reopen");
        Assert.Equal($"/tickets/{number}", reopened.Location);
        Assert.Equal(TicketStatus.InReview, (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status);

        await AgentDoes(number, TicketAction.Resolve, "دوباره بررسی و رفع شد.", TicketActionOutcome.CorrectionRequested);
        Clock.Advance(TimeSpan.FromDays(8));
        browser = await SignedInSubscriber();
        var page = await browser.GetAsync($"/tickets/{number}");
        Assert.DoesNotContain("بازگشایی تیکت", page.Text, StringComparison.Ordinal);
        var late = await browser.SubmitAsync($"/tickets/{number}", new Dictionary<string, string>(), $"/tickets/{number}?handler=Reopen");
        Assert.Contains("بیش از ۷ روز", late.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_subscriber_closes_their_own_ticket()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));

        await browser.SubmitAsync($"/tickets/{number}", new Dictionary<string, string>(), $"/tickets/{number}?handler=Close");

        var page = await browser.GetAsync($"/tickets/{number}");
        Assert.Contains("بسته شده", page.Document.QuerySelector("#ticket-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("بسته شد", page.Document.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_page_cannot_overwrite_what_happened_meanwhile()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));
        var stale = await browser.GetAsync($"/tickets/{number}");
        var token = stale.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var staleVersion = stale.Document.QuerySelector("input[name=version]")!.GetAttribute("value")!;

        await AgentDoes(number, TicketAction.Resolve, "رفع شد.", TicketActionOutcome.CorrectionRequested);
        var page = await browser.PostAsync($"/tickets/{number}?handler=Close",
            new Dictionary<string, string> { ["version"] = staleVersion, ["__RequestVerificationToken"] = token });

        Assert.Contains("تغییر کرده است", page.Errors, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Resolved, (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status);
    }
}
