using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class InquiryTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    [Fact]
    public async Task Anyone_learns_that_a_registered_device_is_legal_and_who_imported_it()
    {
        var page = await NewBrowser().GetAsync($"/inquiry?imei={Samsung}");

        Assert.Equal(200, page.Status);
        var answer = Answers(page);
        Assert.Contains("ثبت شده و قانونی", page.Document.QuerySelector("#inquiry-result .alert")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Samsung Galaxy A54", answer[0]);
        Assert.Equal("شرکت نمونه واردات همراه", answer[1]);
        Assert.Equal("واردات تجاری", answer[2]);
        Assert.Equal("خیر", answer[3]);
        Assert.DoesNotContain("4567", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SamsungSecondImei)]
    [InlineData(BoxedNokia)]
    [InlineData(Xiaomi)]
    public async Task Every_declared_imei_is_registered_whoever_owns_it(string imei) =>
        Assert.True(SaysRegistered(await InquiryAbout(imei)));

    [Theory]
    [InlineData(Unregistered)]
    [InlineData(UnregisteredSamsungTac)]
    public async Task An_undeclared_imei_is_called_illegal(string imei)
    {
        var answer = await InquiryAbout(imei);

        Assert.Contains("ثبت نشده است و دستگاه غیرقانونی", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Samsung", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_imei_typed_in_persian_digits_is_checked_as_its_ascii_form()
    {
        var page = await NewBrowser().GetAsync($"/inquiry?imei={Uri.EscapeDataString(Persian("356938-035643-809"))}");

        Assert.Equal(Samsung, page.Document.QuerySelector("#inquiry-result h2")?.TextContent.Trim());
        Assert.True(SaysRegistered(page.Document.QuerySelector("#inquiry-result")!.TextContent));
    }

    [Theory]
    [InlineData("35693803564380", "۱۵ رقم")]
    [InlineData("356938035643808", "رقم کنترلی")]
    [InlineData("3569380356438090", "*#06#")]
    [InlineData("IMEI356938035643", "فقط از رقم")]
    public async Task A_malformed_imei_gets_a_reason_and_no_answer(string imei, string message)
    {
        var page = await NewBrowser().GetAsync($"/inquiry?imei={Uri.EscapeDataString(imei)}");

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Equal(imei, page.Document.QuerySelector("#imei")?.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector("#inquiry-result"));
    }

    [Fact]
    public async Task The_empty_form_shows_no_error_and_no_answer()
    {
        var page = await NewBrowser().GetAsync("/inquiry");

        Assert.Equal(200, page.Status);
        Assert.Null(page.Document.QuerySelector("#error-summary"));
        Assert.Null(page.Document.QuerySelector("#inquiry-result"));
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_never_breaks_the_page(string garbage)
    {
        var page = await NewBrowser().GetAsync($"/inquiry?imei={Uri.EscapeDataString(garbage)}");

        Assert.Equal(200, page.Status);
        Assert.Null(page.Document.QuerySelector("#inquiry-result"));
    }

    public static TheoryData<string> Garbage => new(
        new string('3', 3000),
        $"<b>{Samsung}</b>",
        "' OR 1=1 --",
        $"\u202E{Samsung}x");

    [Fact]
    public async Task One_address_gets_thirty_inquiries_a_minute_and_then_429()
    {
        var browser = NewBrowser();
        var statuses = new List<int>();
        for (var i = 0; i < 31; i++)
        {
            statuses.Add((await browser.GetAsync($"/inquiry?imei={Samsung}")).Status);
        }

        Assert.All(statuses.Take(30), status => Assert.Equal(200, status));
        Assert.Equal(429, statuses[^1]);
        Assert.Equal(200, (await NewBrowser().GetAsync($"/inquiry?imei={Samsung}")).Status);
    }

    private static List<string> Answers(PortalPage page) =>
        page.Document.QuerySelectorAll("#inquiry-result dd").Select(x => x.TextContent.Trim()).ToList();
}
