using Hamta.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>A subscriber attaches a receipt to a new ticket; a file that is not an image or a PDF is refused first; the agent downloads it.</summary>
public sealed class AttachmentJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task A_receipt_attached_to_a_repair_ticket_reaches_the_agent(string screenName)
    {
        var screen = Screen.Named(screenName);
        var page = await SignedInSubscriber(screen);
        await page.GotoAsync("/tickets/new/form?subject=RepairImeiChanged");
        await Expect(page.Locator("#attachments-documents")).ToContainTextAsync("رسید تعمیر");
        await page.GetByLabel("شناسه دستگاه (IMEI)").FillAsync(Nokia);
        await page.GetByLabel("IMEI پس از تعمیر").FillAsync(BoxedNokia);
        await page.GetByLabel("شرح درخواست").FillAsync("گوشی در تعمیرگاه مجاز تعمیر شد؛ رسید پیوست است.");
        var files = page.GetByLabel("پیوست‌ها (تصویر یا پی‌دی‌اف)");

        await files.SetInputFilesAsync(new FilePayload { Name = "رسید.pdf", MimeType = "application/pdf", Buffer = "<html><p>not a pdf</p></html>"u8.ToArray() });
        await Submit(page, Button(page, "ثبت"));
        await Expect(page.Locator("#attachments-error")).ToContainTextAsync("«رسید» تصویر یا پی‌دی‌اف نیست");
        await LookAt(page, "ticket-attachment-refused");

        await files.SetInputFilesAsync(new FilePayload { Name = "رسید.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Submit(page, Button(page, "ثبت"));
        var number = TicketNumberInUrl().Match(page.Url).Groups[1].Value;
        var attached = page.GetByRole(AriaRole.Link, new() { Name = "رسید.pdf" });
        await Expect(attached).ToBeVisibleAsync();
        await LookAt(page, "ticket-with-attachment");

        var agent = await SignedInStaff(screen);
        await agent.GotoAsync($"/staff/tickets/{number}");
        var download = await agent.RunAndWaitForDownloadAsync(() => agent.GetByRole(AriaRole.Link, new() { Name = "رسید.pdf" }).ClickAsync());
        Assert.Equal("رسید.pdf", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var content = new MemoryStream();
        await stream.CopyToAsync(content, TestContext.Current.CancellationToken);
        Assert.Equal(Pdf, content.ToArray());
        await LookAt(agent, "staff-ticket-with-attachment");
    }
}
