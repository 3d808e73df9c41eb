using Hamta.Browser.Tests.Infrastructure;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;
using Hamta.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>
/// Every page of the portal the demo reaches, anonymous, as a subscriber and as staff, on a phone and on a desktop: readable,
/// accessible, numbers shown by the one rule, nothing from another host.
/// </summary>
public sealed class EveryPageTests(PortalInBrowser portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task Every_public_page_reads_well(string screenName)
    {
        var page = await NewBrowser(Screen.Named(screenName));
        await LookAtEach(page,
        [
            ("/login", "login", "ورود به سامانه همتا"),
            ($"/login/code?mobile={SampleMobile}", "login-code", "ورود کد تأیید"),
            ("/inquiry", "inquiry-empty", "استعلام اصالت دستگاه"),
            ("/staff/login", "staff-login", "ورود کارشناسان همتا"),
            ("/education", "education", "آموزش و اطلاع رسانی"),
            ("/help", "help", "راهنما"),
            ("/contact", "contact", "تماس با ما"),
            ("/about", "about", "درباره ما"),
            ("/dev/ussd", "dev-ussd", "شبیه‌سازی استعلام با کد دستوری (محیط توسعه)"),
            ("/dev/sms", "dev-sms", "پیامک‌های ارسال‌شده (محیط توسعه)"),
        ]);
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task Every_subscriber_page_reads_well(string screenName)
    {
        var page = await SignedInSubscriber(Screen.Named(screenName));
        var number = await FileSeedTicket(page);
        await LookAtEach(page,
        [
            ("/devices", "devices-list", "مدیریت دستگاه ها"),
            ("/devices/add", "add-device", "افزودن دستگاه"),
            ("/devices/report-lost", "report-lost", "گزارش مفقودی یا سرقت دستگاه"),
            ("/activation", "activation-empty", "فعال سازی تلفن همراه"),
            ("/tickets", "tickets-list", "ثبت و پیگیری مشکلات"),
            ("/sims", "sims", "مدیریت سیم کارت ها"),
            ("/imei-status", "imei-status", "وضعیت شناسه دستگاه (IMEI)"),
            ("/transfers", "transfers", "سوابق انتقال مالکیت"),
            ("/transfers/start", "transfer-start", "شروع انتقال مالکیت"),
            ("/traveller", "traveller", "اطلاعات ثبت مسافری"),
            ("/repair", "repair", "ثبت گوشی تعمیراتی"),
            ("/account", "account", "حساب کاربری"),
            ("/messages", "messages", "پیام های همتا"),
            ("/no-such-page", "not-found", "صفحه پیدا نشد"),
            ($"/tickets/{number}", "ticket-waiting", $"شماره تیکت {Display.Digits(number)}"),
        ]);
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task Every_staff_page_reads_well(string screenName)
    {
        var subscriber = await SignedInSubscriber(Screen.Named(screenName));
        var number = await FileSeedTicket(subscriber);
        var admin = await SignedInStaff(Screen.Named(screenName), "admin", DemoPasswords.Admin);
        await Follow(admin.GetByRole(AriaRole.Navigation, new() { Name = "منوی کارشناسان" }).GetByRole(AriaRole.Link, new() { Name = "سوابق رویدادها" }));
        await admin.GetByLabel("مقدار").FillAsync(number);
        await admin.GetByLabel("جست‌وجو بر اساس").SelectOptionAsync(new SelectOptionValue { Label = "شماره تیکت" });
        await Follow(Button(admin, "نمایش"));
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = "وضعیت پس از این رویداد" }).First).ToBeVisibleAsync();
        await LookAt(admin, "staff-history");

        await admin.GotoAsync("/staff/tickets?status=AwaitingNetworkEvidence");
        await Expect(admin.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await LookAt(admin, "staff-tickets-filtered");

        await LookAtEach(admin,
        [
            ($"/staff/tickets/{number}", "staff-ticket-waiting", $"تیکت {Display.Digits(number)}"),
            ("/staff/statistics", "staff-statistics-tables", "آمار"),
            ("/staff/classification-runs", "staff-classification-runs", "اجراهای طبقه‌بندی شناسه‌ها"),
            ("/staff/lists", "staff-lists", "فهرست‌های اپراتورها (\u2066EIR\u2069)"),
            ("/staff/blocks", "staff-blocks", "مسدودسازی و رفع مسدودی دستی"),
            ("/staff/sim-expiry", "staff-sim-expiry", "انقضای سیم‌کارت"),
            ("/staff/dead-letters", "staff-dead-letters", "پیام‌های ناموفق"),
            ("/staff/declarations", "staff-declarations-list", "بارگذاری اظهارنامه‌ها"),
            ("/staff/accounts", "staff-accounts-list", "حساب‌های کارکنان"),
        ]);

        await subscriber.GotoAsync("/devices/report-lost");
        await subscriber.GetByLabel("مفقود شده").CheckAsync();
        await subscriber.GetByLabel("تاریخ مفقودی یا سرقت").FillAsync(Display.Digits(JalaliDate.FormatDay(JalaliDate.TehranDay(Portal.Clock.GetUtcNow()))));
        await subscriber.GetByLabel("محل مفقودی یا سرقت").FillAsync("تهران");
        await Submit(subscriber, Button(subscriber, "ثبت گزارش"));
        await Expect(subscriber.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("پرونده مفقودی یا سرقت");
        await LookAt(subscriber, "lost-case");
        var caseNumber = subscriber.Url[(subscriber.Url.LastIndexOf('/') + 1)..];

        await LookAtEach(admin,
        [
            ("/staff/lost-cases", "staff-lost-cases", "پرونده‌های مفقودی و سرقت"),
            ($"/staff/lost-cases/{caseNumber}", "staff-lost-case", $"پرونده مفقودی یا سرقت {Display.Digits(caseNumber)}"),
        ]);
    }

    /// <summary>Opens each page by its address, checks it is the page meant (its heading) and looks at it.</summary>
    private async Task LookAtEach(IPage page, IEnumerable<(string Path, string Name, string Heading)> pages)
    {
        foreach (var (path, name, heading) in pages)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await LookAt(page, name);
        }
    }
}
