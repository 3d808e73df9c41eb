using Hamta.Browser.Tests.Infrastructure;
using Hamta.Kernel.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>A boxed phone activated with its code, the public IMEI inquiry and the device list.</summary>
public sealed class RegistryJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task A_subscriber_activates_a_boxed_phone_with_its_code_and_finds_it_in_the_device_list(string screenName)
    {
        var page = await SignedInSubscriber(Screen.Named(screenName));
        await OpenFromMenu(page, "فعال سازی تلفن همراه");
        await page.GetByLabel("شناسه دستگاه (IMEI)").FillAsync(BoxedNokia);
        await page.GetByLabel("شماره سیم‌کارت").FillAsync("۰۹۱۳۱۲۳۴۵۶۷");
        await page.GetByLabel("کد فعال‌سازی").FillAsync("482913");
        await LookAt(page, "activation");
        await Submit(page, Button(page, "فعال‌سازی"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"دستگاه {Display.Identifier(BoxedNokia)} با سیم‌کارت {Display.Identifier(OtherSimOfSample)} فعال شد و تحت مالکیت قطعی آن است.");

        await OpenFromMenu(page, "مدیریت دستگاه ها");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = BoxedNokia });
        await Expect(row).ToContainTextAsync("Nokia 105");
        await Expect(row).ToContainTextAsync("تحت مالکیت قطعی");
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await LookAt(page, "devices");
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task Anyone_can_check_an_imei_without_signing_in(string screenName)
    {
        var page = await NewBrowser(Screen.Named(screenName));
        await page.GotoAsync("/inquiry");
        await page.GetByLabel("شناسه دستگاه (IMEI)").FillAsync("۳۵۶۹۳۸۰۳۵۶۴۳۸۰۹");
        await Follow(Button(page, "استعلام"));
        await Expect(page.GetByText("این دستگاه در همتا ثبت شده و قانونی است.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Samsung Galaxy A54")).ToBeVisibleAsync();
        await LookAt(page, "inquiry");

        await page.GetByLabel("شناسه دستگاه (IMEI)").FillAsync("356938035643826");
        await Follow(Button(page, "استعلام"));
        await Expect(page.GetByLabel("شناسه دستگاه (IMEI)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();
        await LookAt(page, "inquiry-refused");
    }
}
