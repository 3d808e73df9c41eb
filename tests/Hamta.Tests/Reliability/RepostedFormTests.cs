using Hamta.Host.Infrastructure.Forms;
using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Hamta.Tickets.Contracts;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Reliability;

/// <summary>A form posted again (the answer was lost, the button pressed twice) gives the same result, never a second one.</summary>
public sealed class RepostedFormTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private const string OtherForm = "/tickets/new/form?subject=Other";

    /// <summary>The fields a browser posts for the form on <paramref name="formPage"/>: its hidden inputs (token, one-time key) and what was typed.</summary>
    private static async Task<Dictionary<string, string>> FilledForm(PortalClient browser, string formPage, IDictionary<string, string> typed)
    {
        var page = await browser.GetAsync(formPage);
        var fields = page.Document.QuerySelectorAll("main form[method=post] input[type=hidden]")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty);
        foreach (var (name, value) in typed)
        {
            fields[name] = value;
        }

        return fields;
    }

    [Fact]
    public async Task Every_form_that_posts_carries_a_fresh_one_time_key()
    {
        var browser = await SignedInSubscriber();

        var first = await FilledForm(browser, OtherForm, new Dictionary<string, string>());
        var second = await FilledForm(browser, OtherForm, new Dictionary<string, string>());

        Assert.True(Guid.TryParse(first["__FormKey"], out _));
        Assert.NotEqual(first["__FormKey"], second["__FormKey"]);
    }

    [Fact]
    public async Task A_ticket_form_posted_twice_opens_one_ticket_and_answers_both_posts_with_it()
    {
        var browser = await SignedInSubscriber();
        var form = await FilledForm(browser, OtherForm, new Dictionary<string, string> { ["Description"] = "پیامک هشدار بی‌دلیل" });

        var first = await AndWaitForMessages(() => browser.PostAsync(OtherForm, form));
        var again = await AndWaitForMessages(() => browser.PostAsync(OtherForm, form));

        Assert.Equal(302, first.Status);
        Assert.Equal(first.Location, again.Location);
        var list = await browser.GetAsync("/tickets");
        Assert.Single(list.Document.QuerySelectorAll("#my-tickets tbody tr"));
    }

    [Fact]
    public async Task The_same_form_key_opens_one_ticket_even_when_the_portal_did_not_keep_the_first_answer()
    {
        var key = Guid.CreateVersion7();
        var command = new OpenTicket(TicketSubject.Other, SampleMobile, SampleNationalId, null, [], new Dictionary<string, string>(), "شرح", key);

        var first = await AndWaitForMessages(() => Ask<OpenTicketResult>(command));
        var again = await AndWaitForMessages(() => Ask<OpenTicketResult>(command));

        Assert.Equal(OpenTicketOutcome.Opened, again.Outcome);
        Assert.Equal(first.Number, again.Number);
        Assert.Single(await SmsTo(SampleMobile, Hamta.Kernel.Notifications.SmsKind.Notice), sms => sms.Text.Contains($"تیکت {Display.Number(first.Number)} ثبت شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_seed_ticket_posted_twice_is_not_refused_as_a_duplicate_of_itself()
    {
        var browser = await SignedInSubscriber();
        var form = await FilledForm(browser, MismatchForm, SeedMismatch());

        var first = await AndWaitForMessages(() => browser.PostAsync(MismatchForm, form));
        var again = await AndWaitForMessages(() => browser.PostAsync(MismatchForm, form));

        Assert.Equal(302, again.Status);
        Assert.Equal(first.Location, again.Location);
    }

    [Fact]
    public async Task Another_subscriber_replaying_a_form_key_gets_no_answer_of_the_first()
    {
        var owner = await SignedInSubscriber();
        var form = await FilledForm(owner, OtherForm, new Dictionary<string, string> { ["Description"] = "شرح" });
        var first = await AndWaitForMessages(() => owner.PostAsync(OtherForm, form));

        var other = await SignedInSubscriber(SecondUserSim);
        var otherForm = await FilledForm(other, OtherForm, new Dictionary<string, string> { ["Description"] = "شرح دیگر" });
        otherForm["__FormKey"] = form["__FormKey"];
        var replayed = await AndWaitForMessages(() => other.PostAsync(OtherForm, otherForm));

        Assert.NotEqual(first.Location, replayed.Location);
    }

    [Fact]
    public async Task Answers_are_kept_for_thirty_days_and_then_forgotten_by_the_daily_job()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var now = Clock.GetUtcNow();
        FormSubmission old = new(Guid.CreateVersion7(), SampleMobile, "/tickets/100001", now.AddDays(-31));
        FormSubmission recent = new(Guid.CreateVersion7(), SampleMobile, "/tickets/100002", now.AddDays(-29));
        await using (var session = store.LightweightSession())
        {
            session.Store(old, recent);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<FormAnswerJobs>().ForgetAnswersAsync();
        }

        await using var query = store.QuerySession();
        Assert.Null(await query.LoadAsync<FormSubmission>(old.Id, TestContext.Current.CancellationToken));
        Assert.Equal(recent.Location, (await query.LoadAsync<FormSubmission>(recent.Id, TestContext.Current.CancellationToken))?.Location);
    }
}
