using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class AccountTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private const string Password = "kartable-pass-1";

    [Fact]
    public async Task The_profile_shows_my_name_national_id_and_sims()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/account");

        var profile = page.Document.QuerySelector("section[aria-labelledby=profile-title]")!.TextContent;
        Assert.Contains("کاربر نمونه", profile, StringComparison.Ordinal);
        Assert.Contains(SampleNationalId, profile, StringComparison.Ordinal);
        Assert.Contains(SampleMobile, profile, StringComparison.Ordinal);
        Assert.Contains(OtherSimOfSample, profile, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondUserSim, profile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_password_needs_no_current_password_and_then_one_is_asked()
    {
        var browser = await SignedInSubscriber();
        Assert.Null((await browser.GetAsync("/account")).Document.QuerySelector("#currentpassword"));

        var saved = await SetKartablePassword(browser, Password);

        Assert.Contains("گذرواژه کارتابل ذخیره شد", saved.Text, StringComparison.Ordinal);
        Assert.NotNull(saved.Document.QuerySelector("#currentpassword"));
        Assert.NotNull(TransferCodeOn(await StartTransfer(browser, Nokia, Password)));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("1234567")]
    [InlineData("")]
    public async Task A_password_under_eight_characters_is_refused_and_nothing_is_saved(string password)
    {
        var browser = await SignedInSubscriber();

        var page = await SetKartablePassword(browser, password);

        Assert.Contains("باید دست‌کم ۸ نویسه", page.ErrorFor("newpassword"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#currentpassword"));
        Assert.Contains("هنوز گذرواژه کارتابل تعیین نکرده‌اید", (await StartTransfer(browser, Nokia, password)).ErrorFor("password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var browser = await SignedInSubscriber();
        await SetKartablePassword(browser, Password);

        var page = await SetKartablePassword(browser, "another-pass-2", "wrong-current");

        Assert.Contains("گذرواژه فعلی درست نیست", page.ErrorFor("currentpassword"), StringComparison.Ordinal);
        Assert.DoesNotContain("ذخیره شد", page.Text, StringComparison.Ordinal);
        Assert.NotNull(TransferCodeOn(await StartTransfer(browser, Nokia, Password)));
    }

    [Fact]
    public async Task Leaving_out_the_current_password_does_not_replace_it()
    {
        var browser = await SignedInSubscriber();
        await SetKartablePassword(browser, Password);

        var page = await SetKartablePassword(browser, "another-pass-2");

        Assert.Contains("گذرواژه فعلی درست نیست", page.ErrorFor("currentpassword"), StringComparison.Ordinal);
        Assert.Contains("گذرواژه کارتابل درست نیست", (await StartTransfer(browser, Nokia, "another-pass-2")).ErrorFor("password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_change_only_the_new_password_confirms_a_transfer()
    {
        var browser = await SignedInSubscriber();
        await SetKartablePassword(browser, Password);

        var changed = await SetKartablePassword(browser, "another-pass-2", Password);

        Assert.Contains("گذرواژه کارتابل ذخیره شد", changed.Text, StringComparison.Ordinal);
        Assert.Contains("گذرواژه کارتابل درست نیست", (await StartTransfer(browser, Nokia, Password)).ErrorFor("password"), StringComparison.Ordinal);
        Assert.NotNull(TransferCodeOn(await StartTransfer(browser, Nokia, "another-pass-2")));
    }

    [Fact]
    public async Task A_persian_password_works()
    {
        var browser = await SignedInSubscriber();

        await SetKartablePassword(browser, "گذرواژه‌ی من ۱۴۰۵");

        Assert.NotNull(TransferCodeOn(await StartTransfer(browser, Nokia, "گذرواژه‌ی من ۱۴۰۵")));
    }

    [Fact]
    public async Task A_very_long_password_does_not_break_the_page()
    {
        var page = await SetKartablePassword(await SignedInSubscriber(), new string('x', 5000));

        Assert.Equal(200, page.Status);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var page = await NewBrowser().GetAsync("/account");

        Assert.Equal(302, page.Status);
        Assert.Contains("/login", page.Location, StringComparison.Ordinal);
    }
}
