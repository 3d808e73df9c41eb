using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;

namespace Hamta.Tests.Shell;

public sealed class ShellTests(HamtaFixture fixture) : LoginTest(fixture)
{
    private static readonly string[] SeedMenu =
    [
        "مدیریت دستگاه ها", "افزودن دستگاه", "مدیریت سیم کارت ها", "فعال سازی تلفن همراه", "استعلام اصالت دستگاه", "وضعیت شناسه دستگاه (IMEI)",
        "سوابق انتقال مالکیت", "اطلاعات ثبت مسافری", "ثبت گوشی تعمیراتی", "حساب کاربری", "ثبت و پیگیری مشکلات", "خروج",
    ];

    private static readonly string[] SeedHeader = ["پیام های همتا", "آموزش و اطلاع رسانی", "تماس با ما", "درباره ما", "راهنما"];

    [Fact]
    public async Task The_kartable_is_persian_right_to_left_with_the_seeds_menu_in_its_order()
    {
        var browser = await SignedInSubscriber();

        var home = await browser.GetAsync("/");

        var html = home.Document.DocumentElement;
        Assert.Equal("fa", html.GetAttribute("lang"));
        Assert.Equal("rtl", html.GetAttribute("dir"));
        var menu = home.Document.QuerySelectorAll(".side-menu .nav-link").Select(e => e.TextContent.Trim());
        Assert.Equal(SeedMenu, menu);
        var header = home.Document.QuerySelectorAll("header nav .nav-link").Select(e => e.TextContent.Trim());
        Assert.Equal(SeedHeader, header);
    }

    [Fact]
    public async Task Styles_scripts_and_the_font_come_from_the_portal_itself()
    {
        var page = await NewBrowser().GetAsync("/login");

        var assets = page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(e => e.GetAttribute("href")!)
            .Concat(page.Document.QuerySelectorAll("script[src]").Select(e => e.GetAttribute("src")!))
            .ToList();
        Assert.Contains(assets, a => a.StartsWith("/lib/bootstrap/css/bootstrap.rtl.min.css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/vazirmatn/vazirmatn.css", StringComparison.Ordinal));
        Assert.All(assets, a => Assert.StartsWith("/", a, StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            Assert.Equal(200, (await NewBrowser().GetAsync(asset)).Status);
        }

        Assert.Equal(200, (await NewBrowser().GetAsync("/lib/vazirmatn/fonts/Vazirmatn-Variable.woff2")).Status);
    }

    [Theory]
    [InlineData("/education", "آموزش و اطلاع رسانی", "اصلاح شناسه دوم گوشی دوسیم‌کارته")]
    [InlineData("/help", "راهنما", "شناسه دستگاه (IMEI) چیست")]
    [InlineData("/contact", "تماس با ما", "ثبت و پیگیری مشکلات")]
    [InlineData("/about", "درباره ما", "سامانه ملی ثبت")]
    public async Task The_information_pages_are_public_and_written(string path, string heading, string content)
    {
        var page = await NewBrowser().GetAsync(path);

        Assert.Equal(200, page.Status);
        Assert.Equal(heading, page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(content, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("به‌زودی", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_leads_to_the_inquiry_and_the_information_pages()
    {
        var page = await NewBrowser().GetAsync("/login");

        var links = page.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/inquiry", "/education", "/contact", "/about", "/help"], links);
        Assert.Equal(404, (await NewBrowser().GetAsync("/no-such-feature")).Status);
    }

    [Fact]
    public async Task The_kartable_needs_a_signed_in_subscriber()
    {
        var page = await NewBrowser().GetAsync("/devices");

        Assert.Equal(302, page.Status);
        Assert.StartsWith("/login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_every_sent_sms_is_listed_codes_included()
    {
        var browser = NewBrowser();
        await AskForCode(browser, SampleMobile);

        var outbox = await NewBrowser().GetAsync("/dev/sms");

        Assert.Equal(200, outbox.Status);
        Assert.Contains(await LastCodeSentTo(SampleMobile), outbox.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_for_load_balancers_reports_readiness_in_one_word()
    {
        var health = await NewBrowser().GetAsync("/health");

        Assert.Equal(200, health.Status);
        Assert.Equal("Healthy", health.Html);
    }
}
