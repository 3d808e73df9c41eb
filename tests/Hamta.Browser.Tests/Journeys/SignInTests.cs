using Hamta.Browser.Tests.Infrastructure;
using Hamta.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>The login code as phones offer it, and the guard that keeps every page on this machine.</summary>
public sealed class SignInTests(PortalInBrowser portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_code_field_offers_the_sms_code_and_takes_it_pasted_in_persian_digits()
    {
        var page = await NewBrowser(Screen.Phone);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/login");
        await page.GetByLabel("شماره تلفن همراه").FillAsync("۰۹۱۲۱۲۳۴۵۶۷");
        await Submit(page, Button(page, "دریافت کد ورود"));

        var field = page.GetByLabel("کد تأیید");
        await Expect(field).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Expect(field).ToHaveAttributeAsync("inputmode", "numeric");
        await Expect(field).ToHaveAttributeAsync("dir", "ltr");

        var persianCode = string.Concat((await LastCodeSentTo(SampleMobile)).Select(d => (char)('۰' + (d - '0'))));
        await page.EvaluateAsync("code => navigator.clipboard.writeText(code)", persianCode);
        await field.FocusAsync();
        await page.Keyboard.PressAsync("Control+V");
        await Expect(field).ToHaveValueAsync(persianCode);

        await Submit(page, Button(page, "ورود"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("کاربر نمونه، به سامانه همتا خوش آمدید");
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task Asking_again_within_the_minute_says_at_once_that_no_code_was_sent_and_counts_down_to_the_next(string screenName)
    {
        var page = await NewBrowser(Screen.Named(screenName));
        await page.GotoAsync("/login");
        await page.GetByLabel("شماره تلفن همراه").FillAsync(SampleMobile);
        await Submit(page, Button(page, "دریافت کد ورود"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("پیامک شد و تا ساعت");

        await Follow(Link(page, "تغییر شماره"));
        await page.GetByLabel("شماره تلفن همراه").FillAsync(SampleMobile);
        await Submit(page, Button(page, "دریافت کد ورود"));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("کد تازه‌ای فرستاده نشد");
        await Expect(Button(page, "ارسال دوباره کد")).ToBeDisabledAsync();
        await Expect(page.Locator("#resend-wait")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[۰-۹]+ ثانیه دیگر"));
        await LookAt(page, "login-code-not-sent");
        Assert.Single(await TestHost.SmsTo(Portal.Services, SampleMobile));

        await page.GetByLabel("کد تأیید").FillAsync(await LastCodeSentTo(SampleMobile));
        await Submit(page, Button(page, "ورود"));
        Assert.Equal(new Uri(Portal.Address, "/"), new Uri(page.Url));
    }

    [Fact]
    public async Task A_page_asking_another_host_for_anything_is_caught()
    {
        var page = await NewBrowser(Screen.Desktop);
        await page.GotoAsync("/login");
        Assert.Empty(OutsideRequests);

        const string stylesheet = "https://cdn.example.com/bootstrap.css";
        await page.RunAndWaitForRequestAsync(
            () => page.EvaluateAsync("href => document.head.insertAdjacentHTML('beforeend', `<link rel=\"stylesheet\" href=\"${href}\">`)", stylesheet),
            stylesheet);

        Assert.Contains(stylesheet, OutsideRequests);
    }
}
