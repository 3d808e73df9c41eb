using Hamta.Browser.Tests.Infrastructure;
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
