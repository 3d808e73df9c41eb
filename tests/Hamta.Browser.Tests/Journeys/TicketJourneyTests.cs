using Hamta.Browser.Tests.Infrastructure;
using Hamta.Kernel.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>The seed's journey: sign in with the SMS code and file «شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد».</summary>
public sealed class TicketJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    private const string Subject = "شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد";

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task A_subscriber_files_the_seed_ticket_in_four_steps_and_finds_it_in_the_list(string screenName)
    {
        var screen = Screen.Named(screenName);
        var page = await SignedInSubscriber(screen);
        await LookAt(page, "home");

        await OpenFromMenu(page, "ثبت و پیگیری مشکلات");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "موردی یافت نشد" })).ToBeVisibleAsync();
        await LookAt(page, "tickets-empty");

        await Follow(Link(page, "ایجاد"));
        await Expect(page.GetByLabel("موضوع", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(Subject);
        await LookAt(page, "ticket-subject");

        await Follow(Button(page, "مرحله بعد"));
        await Expect(page.GetByText(Subject, new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("انتخاب از دستگاه‌های من").SelectOptionAsync(new SelectOptionValue { Label = $"{Display.Isolate("Samsung Galaxy A54")} — {Display.Identifier($"{Samsung} / {SamsungSecondImei}")}" });
        var registered = page.GetByRole(AriaRole.Group, new() { Name = "IMEI ثبت شده در همتا" });
        await Expect(registered.GetByLabel("شناسه دوم (شکاف ۲)")).ToHaveValueAsync(SamsungSecondImei);
        var correct = page.GetByRole(AriaRole.Group, new() { NameRegex = CorrectImeisGroup() });
        await correct.GetByLabel("شناسه اول (شکاف ۱)").FillAsync(Samsung);
        await correct.GetByLabel("شناسه دوم (شکاف ۲)").FillAsync("۳۵۶۹۳۸۰۳۵۶۴۳۸۲۵");
        await page.GetByLabel("شرح درخواست").FillAsync("شناسه دوم گوشی در همتا اشتباه ثبت شده است.");
        await LookAt(page, "ticket-form");

        await Submit(page, Button(page, "ثبت"));
        var number = TicketNumberInUrl().Match(page.Url).Groups[1].Value;
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"تیکت شما با شماره {Display.Digits(number)} ثبت شد");
        await Expect(ValueBeside(page, "وضعیت")).ToHaveTextAsync("در انتظار رؤیت در شبکه");
        await LookAt(page, "ticket");

        await OpenFromMenu(page, "ثبت و پیگیری مشکلات");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = Link(page, Display.Digits(number)) });
        await Expect(row).ToContainTextAsync("۱۴۰۵/۰۹/۰۳ ۱۲:۳۰");
        await Expect(row).ToContainTextAsync(Subject);
        await Expect(row).ToContainTextAsync("در انتظار رؤیت در شبکه");
        await LookAt(page, "tickets");
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task A_wrong_check_digit_typed_in_persian_digits_is_refused_beside_its_field_and_announced(string screenName)
    {
        var page = await SignedInSubscriber(Screen.Named(screenName));
        await page.GotoAsync("/tickets/new/form?subject=ImeiMismatch");
        var correct = page.GetByRole(AriaRole.Group, new() { NameRegex = CorrectImeisGroup() });
        await correct.GetByLabel("شناسه اول (شکاف ۱)").FillAsync(Samsung);
        var second = correct.GetByLabel("شناسه دوم (شکاف ۲)");
        await second.FillAsync("۳۵۶۹۳۸۰۳۵۶۴۳۸۲۶");
        var registered = page.GetByRole(AriaRole.Group, new() { Name = "IMEI ثبت شده در همتا" });
        await registered.GetByLabel("شناسه اول (شکاف ۱)").FillAsync(Samsung);
        await registered.GetByLabel("شناسه دوم (شکاف ۲)").FillAsync(SamsungSecondImei);
        await page.GetByLabel("شرح درخواست").FillAsync("شناسه دوم اشتباه است.");

        await Submit(page, Button(page, "ثبت"));

        const string refusal = "شناسه دستگاه (IMEI) معتبر نیست؛ رقم کنترلی آن درست نیست. لطفا دوباره با دقت وارد کنید.";
        await Expect(second).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(second).ToHaveAccessibleDescriptionAsync(refusal);
        await Expect(second).ToHaveValueAsync("۳۵۶۹۳۸۰۳۵۶۴۳۸۲۶");
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync(refusal);
        await Expect(summary).ToBeFocusedAsync();
        await LookAt(page, "ticket-form-refused");

        await OpenFromMenu(page, "ثبت و پیگیری مشکلات");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "موردی یافت نشد" })).ToBeVisibleAsync();
    }
}
