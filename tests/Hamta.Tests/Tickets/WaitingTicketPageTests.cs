using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Tickets;

/// <summary>What the subscriber reads on a ticket that waits for the network: how long, and what happens then.</summary>
public sealed class WaitingTicketPageTests(HamtaFixture fixture) : TicketTest(fixture)
{
    [Fact]
    public async Task A_waiting_mismatch_ticket_shows_the_jalali_deadline_of_its_evidence_window_and_what_happens_at_it()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));

        var page = await browser.GetAsync($"/tickets/{number}");

        var deadline = page.Document.QuerySelector("#evidence-deadline")!.TextContent;
        Assert.Contains("\u2066۱۴۰۵/۰۹/۱۰ ۱۲:۳۰\u2069", deadline, StringComparison.Ordinal);
        Assert.Contains("تیکت رد می‌شود", deadline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_ticket_asks_for_confirmation_first()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));

        var page = await browser.GetAsync($"/tickets/{number}");

        var close = page.Document.QuerySelector($"form[action='/tickets/{number}?handler=Close']")!;
        Assert.Contains("تیکت بسته شود؟", close.GetAttribute("data-confirm"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/confirm.js']"));
    }
}
