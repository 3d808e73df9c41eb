using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Tickets;

/// <summary>The four steps of the seed guide, with its labels.</summary>
public sealed class SeedJourneyTests(HamtaFixture fixture) : TicketTest(fixture)
{
    [Fact]
    public async Task Step_one_and_two_the_empty_ticket_list_with_the_seeds_labels()
    {
        var browser = await SignedInSubscriber();

        var home = await browser.GetAsync("/");
        Assert.NotNull(home.Document.QuerySelectorAll(".side-menu a").FirstOrDefault(a => a.TextContent.Trim() == "ثبت و پیگیری مشکلات" && a.GetAttribute("href") == "/tickets"));

        var list = await browser.GetAsync("/tickets");
        Assert.Equal("ایجاد", list.Document.QuerySelector("a[href='/tickets/new']")!.TextContent.Trim());
        Assert.Contains("نمایش محتویات", list.Text, StringComparison.Ordinal);
        Assert.Equal("۱۰", list.Document.QuerySelector("#size option[selected]")!.TextContent.Trim());
        Assert.Equal(["ردیف", "شماره تیکت", "شناسه دستگاه", "تاریخ ایجاد", "موضوع", "وضعیت"],
            list.Document.QuerySelectorAll("#my-tickets th").Select(th => th.TextContent.Trim()));
        Assert.Contains("موردی یافت نشد", list.Text, StringComparison.Ordinal);
        Assert.Contains("قبلی", list.Text, StringComparison.Ordinal);
        Assert.Contains("بعدی", list.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_three_the_attention_box_the_subject_its_guide_and_the_buttons()
    {
        var browser = await SignedInSubscriber();

        var page = await browser.GetAsync("/tickets/new?subject=ImeiMismatch");

        Assert.Contains("ثبت تیکت", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("توجه", page.Text, StringComparison.Ordinal);
        Assert.Contains("لطفا موضوع مشکل خود را به درستی انتخاب نمایید.", page.Text, StringComparison.Ordinal);
        Assert.Contains("(کمک در انتخاب مشکل)", page.Text, StringComparison.Ordinal);
        Assert.Equal("شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد",
            page.Document.QuerySelector("#subject option[selected]")!.TextContent.Trim());
        Assert.Contains("مرحله بعد", page.Text, StringComparison.Ordinal);
        Assert.Contains("بازنشانی", page.Text, StringComparison.Ordinal);
        Assert.Contains("بازگشت", page.Text, StringComparison.Ordinal);
        var guide = page.Document.QuerySelector(".subject-guide[data-subject=ImeiMismatch]")!;
        Assert.False(guide.HasAttribute("hidden"));
        Assert.Contains("نسبت به اصلاح شناسه دوم اقدام نمایید", guide.TextContent, StringComparison.Ordinal);
        Assert.Contains("با هر دو IMEI صحیح حداقل یکبار روشن شده باشد", guide.TextContent, StringComparison.Ordinal);
        Assert.Contains("کمک در انتخاب مشکل", page.Document.QuerySelector("#help-title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step_four_the_form_then_a_ticket_with_a_number_in_the_list_and_an_sms()
    {
        var browser = await SignedInSubscriber();
        var form = await browser.GetAsync(MismatchForm);
        Assert.Contains("IMEI درست گوشی", form.Text, StringComparison.Ordinal);
        Assert.Contains("IMEI ثبت شده در همتا", form.Text, StringComparison.Ordinal);
        Assert.Contains("شرح درخواست", form.Text, StringComparison.Ordinal);
        Assert.NotNull(form.Document.QuerySelector("button[type=submit]:not([formaction])"));

        var created = await FileMismatch(browser);

        var number = NumberFrom(created);
        var ticket = await browser.GetAsync(created.Location!);
        Assert.Contains($"با شماره {Display.Number(number)} ثبت شد", ticket.Text, StringComparison.Ordinal);
        Assert.Contains("در انتظار رؤیت در شبکه", ticket.Document.QuerySelector("#ticket-status")!.TextContent, StringComparison.Ordinal);
        var row = (await browser.GetAsync("/tickets")).Document.QuerySelector("#my-tickets tbody tr")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal(["۱", Display.Number(number), Samsung, "\u2066۱۴۰۵/۰۹/۰۳ ۱۲:۳۰\u2069",
            "شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد", "در انتظار رؤیت در شبکه"], cells);
        var sms = Assert.Single(await SmsTo(SampleMobile, SmsKind.Notice));
        Assert.Contains($"تیکت {Display.Number(number)} ثبت شد", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_comes_prefilled_from_the_device_list()
    {
        var browser = await SignedInSubscriber();

        var devices = await browser.GetAsync("/devices");
        var link = devices.Document.QuerySelector($"a[href='/tickets/new?imei={Samsung}']");
        Assert.NotNull(link);
        var form = await browser.GetAsync($"/tickets/new/form?subject=ImeiMismatch&imei={Samsung}");

        Assert.Equal(Samsung, form.Document.QuerySelector("#registeredimei1")!.GetAttribute("value"));
        Assert.Equal(SamsungSecondImei, form.Document.QuerySelector("#registeredimei2")!.GetAttribute("value"));
    }
}
