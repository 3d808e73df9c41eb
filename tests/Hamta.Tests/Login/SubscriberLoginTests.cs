using Hamta.Kernel.Notifications;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Login;

public sealed class SubscriberLoginTests(HamtaFixture fixture) : LoginTest(fixture)
{
    [Fact]
    public async Task A_subscriber_signs_in_with_the_code_sent_to_their_sim_typed_in_persian_digits()
    {
        var browser = NewBrowser();

        var asked = await AskForCode(browser, "۰۹۱۲ ۱۲۳ ۴۵۶۷");
        Assert.Equal($"/login/code?mobile={SampleMobile}&outcome=Sent", asked.Location);

        var code = await LastCodeSentTo(SampleMobile);
        var persianCode = string.Concat(code.Select(c => (char)('۰' + (c - '0'))));
        var signedIn = await TypeCode(browser, persianCode);
        Assert.Equal("/", signedIn.Location);

        var home = await browser.GetAsync("/");
        Assert.Equal(200, home.Status);
        Assert.Contains("کاربر نمونه", home.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_sms_is_secret_and_never_listed_among_the_subscribers_messages()
    {
        var browser = await SignedInSubscriber();

        Assert.Single(await SmsTo(SampleMobile, SmsKind.Secret));
        var messages = await browser.GetAsync("/messages");
        Assert.Contains("پیامی برای شما ثبت نشده است", messages.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_number_is_answered_as_a_registered_one_but_gets_no_sms()
    {
        var unknown = await AskForCode(NewBrowser(), UnknownSim);
        var registered = await AskForCode(NewBrowser(), SampleMobile);

        Assert.Equal((registered.Status, registered.Location?.Replace(SampleMobile, UnknownSim, StringComparison.Ordinal)), (unknown.Status, unknown.Location));
        Assert.Empty(await SmsTo(UnknownSim));
        var again = await AskForCode(NewBrowser(), UnknownSim);
        Assert.Equal(registered.Status, again.Status);
    }

    [Fact]
    public async Task A_code_typed_for_an_unknown_number_is_wrong_like_any_wrong_code()
    {
        var browser = NewBrowser();
        await AskForCode(browser, UnknownSim);

        var page = await TypeCode(browser, "123456", UnknownSim);

        Assert.Equal(200, page.Status);
        Assert.Equal((await TypeCode(await Asked(SampleMobile), WrongCodeFor(await LastCodeSentTo(SampleMobile)))).ErrorFor("code"), page.ErrorFor("code"));
    }

    private async Task<PortalClient> Asked(string mobile)
    {
        var browser = NewBrowser();
        await AskForCode(browser, mobile);
        return browser;
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0912abc4567")]
    [InlineData("")]
    public async Task A_malformed_number_is_refused_beside_its_field(string mobile)
    {
        var page = await AskForCode(NewBrowser(), mobile);

        Assert.Equal(200, page.Status);
        Assert.Contains("معتبر نیست", page.ErrorFor("mobile"), StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector("#mobile")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.Document.QuerySelector("#error-summary"));
    }

    [Fact]
    public async Task A_wrong_code_says_how_many_tries_are_left_and_does_not_sign_in()
    {
        var browser = NewBrowser();
        await AskForCode(browser, SampleMobile);

        var page = await TypeCode(browser, WrongCodeFor(await LastCodeSentTo(SampleMobile)));

        Assert.Equal(200, page.Status);
        Assert.Contains("۴ بار دیگر", page.ErrorFor("code"), StringComparison.Ordinal);
        Assert.Equal("/login?ReturnUrl=%2F", (await browser.GetAsync("/")).Location?.Replace("http://localhost", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_five_wrong_tries_even_the_right_code_is_refused()
    {
        var browser = NewBrowser();
        await AskForCode(browser, SampleMobile);
        var code = await LastCodeSentTo(SampleMobile);

        for (var i = 0; i < 5; i++)
        {
            await TypeCode(browser, WrongCodeFor(code));
        }

        var page = await TypeCode(browser, code);
        Assert.Equal(200, page.Status);
        Assert.Contains("باطل شد", page.ErrorFor("code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_expires_after_two_minutes()
    {
        var browser = NewBrowser();
        await AskForCode(browser, SampleMobile);
        var code = await LastCodeSentTo(SampleMobile);

        Clock.Advance(TimeSpan.FromMinutes(2));
        var page = await TypeCode(browser, code);

        Assert.Contains("مهلت", page.ErrorFor("code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_signs_in_only_once()
    {
        await SignedInSubscriber();
        var code = await LastCodeSentTo(SampleMobile);

        var again = await TypeCode(NewBrowser(), code);

        Assert.Equal(200, again.Status);
        Assert.Contains("کد فعالی", again.ErrorFor("code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_page_says_when_the_code_went_and_until_when_it_works()
    {
        var browser = NewBrowser();

        var asked = await AskForCode(browser, SampleMobile);

        var notice = NoticeOn(await browser.GetAsync(asked.Location!));
        Assert.Contains("کد ورود ساعت \u2066۱۲:۳۰:۰۰\u2069 پیامک شد و تا ساعت \u2066۱۲:۳۲:۰۰\u2069 معتبر است", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_again_within_the_minute_says_no_code_was_sent_that_the_last_one_works_and_when_a_new_one_can_be_had()
    {
        var browser = NewBrowser();
        await AskForCode(browser, SampleMobile);
        Clock.Advance(TimeSpan.FromSeconds(20));

        var again = await AskForCode(browser, SampleMobile);

        Assert.Equal($"/login/code?mobile={SampleMobile}&outcome=CooldownActive", again.Location);
        var page = await browser.GetAsync(again.Location!);
        Assert.Contains("کد تازه‌ای فرستاده نشد: کدی که ساعت \u2066۱۲:۳۰:۰۰\u2069 به این شماره پیامک شد تا ساعت \u2066۱۲:۳۲:۰۰\u2069 معتبر است", NoticeOn(page), StringComparison.Ordinal);
        Assert.Equal("ارسال دوباره کد از ساعت \u2066۱۲:۳۱:۰۰\u2069 (۴۰ ثانیه دیگر)", ResendWaitOn(page));
        Assert.Equal("40", page.Document.QuerySelector("#resend-wait")?.GetAttribute("data-countdown"));
        Assert.Single(await SmsTo(SampleMobile));
        Assert.Equal("/", (await TypeCode(browser, await LastCodeSentTo(SampleMobile))).Location);
    }

    [Fact]
    public async Task A_new_code_can_be_sent_only_after_the_cooldown()
    {
        var browser = NewBrowser();
        await AskForCode(browser, SampleMobile);

        var tooSoon = await Resend(browser);
        Assert.Equal($"/login/code?mobile={SampleMobile}&outcome=CooldownActive", tooSoon.Location);
        Assert.Contains("کد تازه‌ای فرستاده نشد", NoticeOn(await browser.GetAsync(tooSoon.Location!)), StringComparison.Ordinal);
        Assert.Single(await SmsTo(SampleMobile));

        Clock.Advance(TimeSpan.FromSeconds(61));
        var resent = await Resend(browser);
        Assert.Equal($"/login/code?mobile={SampleMobile}&outcome=Sent", resent.Location);
        var page = await browser.GetAsync(resent.Location!);
        Assert.Contains("کد ورود ساعت \u2066۱۲:۳۱:۰۱\u2069 پیامک شد", NoticeOn(page), StringComparison.Ordinal);
        Assert.Equal(2, (await SmsTo(SampleMobile)).Count);

        var signedIn = await TypeCode(browser, await LastCodeSentTo(SampleMobile));
        Assert.Equal("/", signedIn.Location);
    }

    [Fact]
    public async Task At_most_five_codes_an_hour_go_to_one_number_and_the_sixth_request_says_when_the_next_can_be_had()
    {
        var browser = NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            await AskForCode(browser, SampleMobile);
            Clock.Advance(TimeSpan.FromSeconds(61));
        }

        var sixth = await AskForCode(browser, SampleMobile);

        Assert.Contains("کد تازه‌ای فرستاده نشد: برای این شماره در یک ساعت گذشته پنج کد فرستاده شده است. از ساعت \u2066۱۳:۳۰:۰۰\u2069 (۵۵ دقیقه دیگر)",
            sixth.ErrorFor("mobile"), StringComparison.Ordinal);
        Assert.Equal(5, (await SmsTo(SampleMobile)).Count);
    }

    [Fact]
    public async Task Right_after_the_fifth_code_of_the_hour_the_page_says_the_next_waits_for_the_hourly_cap()
    {
        var browser = NewBrowser();
        for (var i = 0; i < 4; i++)
        {
            await AskForCode(browser, SampleMobile);
            Clock.Advance(TimeSpan.FromSeconds(61));
        }

        await AskForCode(browser, SampleMobile);
        var page = await browser.GetAsync((await Resend(browser)).Location!);

        Assert.Contains("کد تازه‌ای فرستاده نشد", NoticeOn(page), StringComparison.Ordinal);
        Assert.StartsWith("به سقف پنج کد در ساعت رسیده‌اید؛ کد تازه از ساعت \u2066۱۳:۳۰:۰۰\u2069", ResendWaitOn(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_number_asking_again_is_told_exactly_what_a_registered_one_is_told()
    {
        var registered = NewBrowser();
        var unknown = NewBrowser();
        await AskForCode(registered, SampleMobile);
        await AskForCode(unknown, UnknownSim);
        Clock.Advance(TimeSpan.FromSeconds(5));

        var registeredPage = await registered.GetAsync((await AskForCode(registered, SampleMobile)).Location!);
        var unknownPage = await unknown.GetAsync((await AskForCode(unknown, UnknownSim)).Location!);

        Assert.Equal((NoticeOn(registeredPage), ResendWaitOn(registeredPage)), (NoticeOn(unknownPage), ResendWaitOn(unknownPage)));
        Assert.Empty(await SmsTo(UnknownSim));
    }

    private static string? NoticeOn(PortalPage page) => page.Document.QuerySelector("#code-notice")?.TextContent.Trim();

    private static string? ResendWaitOn(PortalPage page) =>
        page.Document.QuerySelector("#resend-wait")?.TextContent.Trim().ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);

    private Task<PortalPage> Resend(PortalClient browser) => AndWaitForMessages(() => browser.SubmitAsync(
        $"/login/code?mobile={SampleMobile}", new Dictionary<string, string> { ["mobile"] = SampleMobile }, $"/login/code?mobile={SampleMobile}&handler=Resend"));

    [Fact]
    public async Task Login_posts_from_one_address_are_rate_limited()
    {
        var browser = NewBrowser();
        var statuses = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await browser.SubmitAsync("/login", new Dictionary<string, string> { ["mobile"] = "123" })).Status);
        }

        Assert.All(statuses.Take(20), status => Assert.Equal(200, status));
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = await SignedInSubscriber();

        var signedOut = await browser.SubmitAsync("/", new Dictionary<string, string>(), "/logout");

        Assert.Equal("/login", signedOut.Location);
        Assert.Equal(302, (await browser.GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var page = await NewBrowser().PostAsync("/login", new Dictionary<string, string> { ["mobile"] = SampleMobile });

        Assert.Equal(400, page.Status);
        Assert.Empty(await SmsTo(SampleMobile));
    }
}
