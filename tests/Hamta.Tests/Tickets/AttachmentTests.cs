using System.Text;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Attachments;
using Hamta.Tickets.Contracts;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Tickets;

/// <summary>Files attached to a new ticket and to answers: stored once, refused whole, served only to the owner and the agents.</summary>
public sealed class AttachmentTests(HamtaFixture fixture) : DeskTest(fixture)
{
    private const string OtherForm = "/tickets/new/form?subject=Other";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];

    private static long NumberFrom(PortalPage created) => long.Parse(created.Location!.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Describe(string text = "فاکتور و رسید تعمیر پیوست است.") => new() { ["Description"] = text };

    private async Task<(long Number, PortalClient Browser)> FileWithAttachments(params (string Name, byte[] Content)[] files)
    {
        var browser = await SignedInSubscriber();
        var created = await AndWaitForMessages(() => browser.SubmitWithFilesAsync(OtherForm, Describe(), files));
        Assert.StartsWith("/tickets/", created.Location, StringComparison.Ordinal);
        return (NumberFrom(created), browser);
    }

    private async Task<(int Tickets, int Files)> Stored()
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var tickets = await session.QueryAsync<int>("select count(*)::int from tickets.mt_doc_ticket");
        var files = await session.QueryAsync<int>($"select count(*)::int from {TicketAttachments.Table}");
        return (tickets.Single(), files.Single());
    }

    private static List<string> AttachmentLinks(PortalPage page) =>
        [.. page.Document.QuerySelectorAll("#timeline .attachments a").Select(link => link.GetAttribute("href")!)];

    [Fact]
    public async Task A_new_ticket_carries_an_image_and_a_pdf_that_its_owner_downloads_as_attachments_of_their_own_type()
    {
        var (number, browser) = await FileWithAttachments(("فاکتور.pdf", Pdf), ("receipt.pdf", Png));

        var page = await browser.GetAsync($"/tickets/{number}");
        var links = AttachmentLinks(page);
        Assert.Equal(2, links.Count);
        Assert.Contains("فاکتور.pdf", page.Text, StringComparison.Ordinal);
        Assert.Contains("receipt.png", page.Text, StringComparison.Ordinal);

        var (status, headers, content) = await browser.DownloadAsync(links[0]);
        Assert.Equal(200, status);
        Assert.Equal(Pdf, content);
        Assert.Equal("application/pdf", headers.ContentType.ToString());
        Assert.StartsWith("attachment;", headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Contains("no-store", headers.CacheControl.ToString(), StringComparison.Ordinal);

        var image = await browser.DownloadAsync(links[1]);
        Assert.Equal("image/png", image.Headers.ContentType.ToString());
        Assert.Contains("receipt.png", image.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_see_the_files_on_the_desk_and_download_them()
    {
        var (number, browser) = await FileWithAttachments(("scan.pdf", Pdf));
        var link = Assert.Single(AttachmentLinks(await browser.GetAsync($"/tickets/{number}")));
        var agent = await SignedInStaff();

        var desk = await agent.GetAsync($"/staff/tickets/{number}");
        var staffLink = Assert.Single(AttachmentLinks(desk));
        Assert.Equal(link.Replace("/tickets/", "/staff/tickets/", StringComparison.Ordinal), staffLink);

        var (status, headers, content) = await agent.DownloadAsync(staffLink);
        Assert.Equal(200, status);
        Assert.Equal(Pdf, content);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task Another_subscriber_a_stranger_and_a_wrong_ticket_get_nothing()
    {
        var (number, browser) = await FileWithAttachments(("scan.pdf", Pdf));
        var link = Assert.Single(AttachmentLinks(await browser.GetAsync($"/tickets/{number}")));
        var other = await SignedInSubscriber(SecondUserSim);
        var theirs = NumberFrom(await AndWaitForMessages(() => other.SubmitAsync(OtherForm, Describe("پرسش"))));

        Assert.Equal(404, (await other.DownloadAsync(link)).Status);
        Assert.Equal(404, (await other.DownloadAsync(link.Replace($"/tickets/{number}/", $"/tickets/{theirs}/", StringComparison.Ordinal))).Status);
        Assert.Equal(404, (await browser.DownloadAsync(link.Replace($"/tickets/{number}/", $"/tickets/{theirs}/", StringComparison.Ordinal))).Status);
        var stranger = await NewBrowser().DownloadAsync(link);
        Assert.Equal(302, stranger.Status);
        Assert.Empty(stranger.Content);
        var subscriberAtTheDesk = await browser.DownloadAsync("/staff" + link);
        Assert.NotEqual(200, subscriberAtTheDesk.Status);
        Assert.NotEqual(Pdf, subscriberAtTheDesk.Content);
    }

    public static TheoryData<string, string[], string> BadFiles => new()
    {
        { "an HTML page named .pdf", ["invoice.pdf:html"], "«invoice» تصویر یا پی‌دی‌اف نیست" },
        { "a file over 5 MB", ["big.pdf:oversize"], "«big» بزرگ‌تر از ۵ مگابایت است" },
        { "six files", ["1.pdf:pdf", "2.pdf:pdf", "3.pdf:pdf", "4.pdf:pdf", "5.pdf:pdf", "6.pdf:pdf"], "حداکثر ۵ فایل" },
        { "an empty file", ["blank.pdf:empty"], "«blank» خالی است" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_refuse_the_new_ticket_beside_the_field_and_store_nothing(string why, string[] files, string message)
    {
        var browser = await SignedInSubscriber();
        var before = await Stored();

        var page = await browser.SubmitWithFilesAsync(OtherForm, Describe(why), [.. files.Select(Made)]);

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor("attachments"), StringComparison.Ordinal);
        Assert.Contains("چیزی ثبت نشد", page.ErrorFor("attachments"), StringComparison.Ordinal);
        Assert.Equal(before, await Stored());
        Assert.Equal(why, page.Document.QuerySelector("#description")!.TextContent);
    }

    [Fact]
    public async Task A_form_over_the_request_limit_gets_the_persian_page_and_stores_nothing()
    {
        var browser = await SignedInSubscriber();
        var before = await Stored();

        var page = await browser.SubmitWithFilesAsync(OtherForm, Describe(), [("huge.pdf", [.. Pdf, .. new byte[65 * 1024 * 1024]])]);

        Assert.Equal(413, page.Status);
        Assert.Contains("بزرگ‌تر از اندازهٔ مجاز", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await Stored());
    }

    [Fact]
    public async Task The_same_form_posted_twice_opens_one_ticket_with_its_files_once()
    {
        var browser = await SignedInSubscriber();
        var before = await Stored();
        var (target, posted) = await browser.FormOfAsync(OtherForm, Describe(), null);

        var first = await AndWaitForMessages(() => browser.PostWithFilesAsync(target, posted, [("a.pdf", Pdf), ("b.png", Png)]));
        var second = await browser.PostWithFilesAsync(target, posted, [("a.pdf", Pdf), ("b.png", Png)]);

        Assert.Equal(first.Location, second.Location);
        Assert.Equal((before.Tickets + 1, before.Files + 2), await Stored());
    }

    [Fact]
    public async Task An_answer_carries_files_and_a_bad_one_refuses_the_answer()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await AndWaitForMessages(() => browser.SubmitAsync(OtherForm, Describe("گوشی تعمیر شد"))));
        await ActByBus(number, TicketAction.RequestInformation, "تصویر رسید تعمیر را بفرستید.");
        var version = (await Details(number)).Version;

        var refused = await browser.SubmitWithFilesAsync($"/tickets/{number}", new Dictionary<string, string> { ["text"] = "رسید" },
            [("receipt.jpg", Jpeg), ("page.pdf", Encoding.UTF8.GetBytes("<!doctype html><p>hi"))], $"/tickets/{number}?handler=Reply");
        Assert.Contains("«page» تصویر یا پی‌دی‌اف نیست", refused.ErrorFor("attachments"), StringComparison.Ordinal);
        Assert.Equal(version, (await Details(number)).Version);
        Assert.Equal(0, (await Stored()).Files);

        var answered = await AndWaitForMessages(() => browser.SubmitWithFilesAsync($"/tickets/{number}", new Dictionary<string, string> { ["text"] = "رسید پیوست شد." },
            [("receipt.jpg", Jpeg)], $"/tickets/{number}?handler=Reply"));
        Assert.Equal($"/tickets/{number}", answered.Location);

        var reply = (await Details(number)).Timeline.Single(entry => entry.Kind == TicketEntryKind.SubscriberReply);
        var file = Assert.Single(reply.Attachments!);
        Assert.Equal(("receipt.jpg", "image/jpeg", Jpeg.Length), (file.FileName, file.ContentType, file.Size));
        var agent = await SignedInStaff();
        Assert.Single(AttachmentLinks(await agent.GetAsync($"/staff/tickets/{number}")));
    }

    [Fact]
    public async Task Subjects_that_need_documents_say_so_on_the_form()
    {
        var browser = await SignedInSubscriber();

        var repair = await browser.GetAsync("/tickets/new/form?subject=RepairImeiChanged");
        var other = await browser.GetAsync(OtherForm);

        Assert.Contains("رسید تعمیر", repair.Document.QuerySelector("#attachments-documents")!.TextContent, StringComparison.Ordinal);
        Assert.Null(other.Document.QuerySelector("#attachments-documents"));
        var input = other.Document.QuerySelector("input[type=file]#attachments")!;
        Assert.Equal("multipart/form-data", input.Closest("form")!.GetAttribute("enctype"));
        Assert.Contains("application/pdf", input.GetAttribute("accept"), StringComparison.Ordinal);
    }

    private static (string Name, byte[] Content) Made(string spec)
    {
        var (name, kind) = (spec.Split(':')[0], spec.Split(':')[1]);
        return (name, kind switch
        {
            "html" => Encoding.UTF8.GetBytes("<html><body><script>alert(document.cookie)</script></body></html>"),
            "oversize" => [.. Pdf, .. new byte[AttachmentLimits.MaxBytes]],
            "empty" => [],
            _ => Pdf,
        });
    }
}
