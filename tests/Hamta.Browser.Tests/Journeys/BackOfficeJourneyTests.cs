using System.Text;
using Hamta.Browser.Tests.Infrastructure;
using Hamta.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>The back office: a registry clerk's declarations upload followed to its report, and an admin making a clerk's account.</summary>
public sealed class BackOfficeJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    private const string Header = "imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid";

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task A_registry_clerk_uploads_declarations_and_follows_the_import_to_its_refused_lines(string screenName)
    {
        var clerk = await SignedInStaff(Screen.Named(screenName), "clerk", DemoPasswords.Clerk);
        var menu = clerk.GetByRole(AriaRole.Navigation, new() { Name = "منوی کارشناسان" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "صف تیکت‌ها" })).ToHaveCountAsync(0);
        await Follow(menu.GetByRole(AriaRole.Link, new() { Name = "بارگذاری اظهارنامه‌ها" }));
        await LookAt(clerk, "staff-declarations");

        var file = string.Join('\n',
            Header,
            $"{Unregistered},356938035643841,Samsung,Galaxy A54,commercial,Importer A,,,,",
            "356938035643808,,Bad,Luhn,commercial,Importer A,,,,",
            $"{UnregisteredOtherTac},,Apple,iPhone 15,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},no",
            $"353325101234593,,Nokia,105,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},no");
        await clerk.GetByLabel("فایل اظهارنامه‌ها").SetInputFilesAsync(new FilePayload
        {
            Name = "declarations-1405-09-06.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file),
        });
        await Submit(clerk, Button(clerk, "بارگذاری"));

        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ورود اظهارنامه‌ها");
        await Expect(clerk.Locator("#upload-done")).ToHaveTextAsync("ورود فایل انجام شد: ۲ دستگاه ثبت شد و ۲ خط رد شد.");
        await Expect(clerk.GetByRole(AriaRole.Progressbar, new() { Name = "پیشرفت" })).ToHaveAttributeAsync("value", "100");
        await Expect(clerk.Locator("#progress-counts")).ToHaveTextAsync("۴ خط از حدود ۴ خوانده شد؛ ۲ پذیرفته و ۲ رد شد.");
        var refused = clerk.GetByRole(AriaRole.Table);
        await Expect(refused.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(refused).ToContainTextAsync("هر مسافر سالی یک دستگاه");
        await LookAt(clerk, "staff-declarations-upload");

        await clerk.ReloadAsync();
        await Expect(clerk.Locator("#progress-counts")).ToHaveTextAsync("۴ خط از حدود ۴ خوانده شد؛ ۲ پذیرفته و ۲ رد شد.");
        var download = await clerk.RunAndWaitForDownloadAsync(() => Link(clerk, "دریافت گزارش خطوط ردشده").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("refused-lines-declarations-1405-09-06.csv", download.SuggestedFilename);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var report = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("line,field,reason\r\n3,imei1,", report, StringComparison.Ordinal);
        Assert.Contains("5,traveller_national_id,", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task An_admin_makes_a_registry_clerk_who_signs_in_with_the_password_shown_once(string screenName)
    {
        var screen = Screen.Named(screenName);
        var admin = await SignedInStaff(screen, "admin", DemoPasswords.Admin);
        await Follow(admin.GetByRole(AriaRole.Navigation, new() { Name = "منوی کارشناسان" }).GetByRole(AriaRole.Link, new() { Name = "حساب‌های کارکنان" }));
        await LookAt(admin, "staff-accounts");

        await admin.GetByLabel("نام کاربری").FillAsync("customs-clerk");
        await admin.GetByLabel("نام نمایشی").FillAsync("کارشناس ثبت گمرک");
        await admin.GetByLabel("کارشناس ثبت").CheckAsync();
        await Submit(admin, Button(admin, "ساخت حساب"));

        var issued = admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "فقط همین یک بار" });
        await Expect(issued).ToContainTextAsync("customs-clerk");
        await Expect(issued).ToContainTextAsync("ساخته شد.");
        var password = await issued.Locator("code").TextContentAsync();
        await LookAt(admin, "staff-accounts-created");

        var clerk = await SignedInStaff(screen, "customs-clerk", password!);
        await Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "بارگذاری اظهارنامه‌های واردکنندگان و گمرک" })).ToBeVisibleAsync();
    }
}
