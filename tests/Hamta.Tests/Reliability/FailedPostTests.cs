using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;

namespace Hamta.Tests.Reliability;

/// <summary>A post that fails because the database is away keeps what the subscriber typed and says so in Persian.</summary>
public sealed class FailedPostTests(HamtaFixture fixture) : TicketTest(fixture)
{
    [Fact]
    public async Task A_ticket_post_the_database_cannot_take_shows_the_form_again_with_the_description_and_a_persian_message()
    {
        var browser = await SignedInSubscriber();
        const string description = "شرحی که نباید از دست برود";

        PortalPage failed;
        await using (await DatabaseFault.FailInsertsAsync(Host, "tickets.mt_doc_ticket", "57P03"))
        {
            failed = await browser.SubmitAsync("/tickets/new/form?subject=Other", new Dictionary<string, string> { ["Description"] = description });
        }

        Assert.Equal(200, failed.Status);
        Assert.Contains("درخواست شما ثبت نشد", failed.Errors, StringComparison.Ordinal);
        Assert.Equal(description, failed.Document.QuerySelector("#description")!.TextContent);
        Assert.Contains("موردی یافت نشد", (await browser.GetAsync("/tickets")).Text, StringComparison.Ordinal);

        var retried = await AndWaitForMessages(() => browser.SubmitAsync("/tickets/new/form?subject=Other", new Dictionary<string, string> { ["Description"] = description }));
        Assert.Equal(302, retried.Status);
    }
}
