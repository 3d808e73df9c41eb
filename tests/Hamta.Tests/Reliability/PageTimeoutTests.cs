using System.Diagnostics;
using Hamta.Host.Infrastructure;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hamta.Tests.Reliability;

/// <summary>A page whose database does not answer tells the subscriber so, in Persian, within its limit.</summary>
public sealed class PageTimeoutTests(HamtaFixture fixture) : TicketTest(fixture)
{
    /// <summary>Opens «ثبت و پیگیری مشکلات» while another transaction holds <paramref name="table"/> locked: the page's query waits.</summary>
    private static async Task<(PortalPage Page, TimeSpan Took)> TicketsWhileLockedAsync(IDocumentStore store, PortalClient browser, string table)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var hold = new NpgsqlCommand($"lock table {table} in access exclusive mode", connection, transaction))
        {
            await hold.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var watch = Stopwatch.StartNew();
        var page = await browser.GetAsync("/tickets");
        return (page, watch.Elapsed);
    }

    [Fact]
    public async Task A_page_that_waits_on_the_database_answers_the_persian_unavailable_page_within_its_limit()
    {
        var browser = await SignedInSubscriber();
        await browser.GetAsync("/tickets");

        var (page, took) = await TicketsWhileLockedAsync(Host.Services.GetRequiredService<IDocumentStore>(), browser, "tickets.mt_doc_ticket");

        Assert.Equal(504, page.Status);
        Assert.Contains("سامانه لحظه‌ای در دسترس نیست", page.Text, StringComparison.Ordinal);
        Assert.InRange(took, Web.PageCancelledAfter, Web.PageAnswerLimit);
    }

    [Fact]
    public async Task A_session_the_database_cannot_confirm_in_time_gives_the_persian_page_and_stays_signed_in()
    {
        var browser = await SignedInSubscriber();
        ((MemoryCache)Host.Services.GetRequiredService<IMemoryCache>()).Clear();

        var (page, took) = await TicketsWhileLockedAsync(Host.Services.GetRequiredService<IDocumentStore>(), browser, "staff.mt_doc_signinsession");

        Assert.Equal(504, page.Status);
        Assert.Contains("سامانه لحظه‌ای در دسترس نیست", page.Text, StringComparison.Ordinal);
        Assert.InRange(took, Web.PageCancelledAfter, Web.PageAnswerLimit);
        Assert.Equal(200, (await browser.GetAsync("/tickets")).Status);
    }
}
