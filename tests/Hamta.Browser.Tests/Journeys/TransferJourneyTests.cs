using Hamta.Kernel.Text;
using System.Text.RegularExpressions;
using Hamta.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>A seller hands a phone over: starts, follows, cancels, starts again; the buyer completes and both read the SMS.</summary>
public sealed partial class TransferJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    private const string Buyer = SecondUserSim;
    private const string Password = "kartable-pass-1";

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task A_seller_follows_and_cancels_a_transfer_then_the_buyer_completes_a_new_one_and_both_read_the_sms(string screenName)
    {
        var screen = Screen.Named(screenName);
        var seller = await SignedInSubscriber(screen);
        await OpenFromMenu(seller, "حساب کاربری");
        await seller.GetByLabel("گذرواژه تازه").FillAsync(Password);
        await Submit(seller, Button(seller, "ذخیره گذرواژه"));

        var firstCode = await StartTransfer(seller, lookAt: true);
        await Follow(Link(seller, "دنبال کردن در «سوابق انتقال مالکیت»"));
        var pending = seller.GetByRole(AriaRole.Region, new() { Name = "انتقال‌های در جریان" }).GetByRole(AriaRole.Row).Filter(new() { HasText = Nokia });
        await Expect(pending).ToContainTextAsync("در انتظار فعال‌سازی خریدار");
        await Expect(pending).ToContainTextAsync("0935***4567");
        await Expect(pending).ToContainTextAsync(JalaliExpiry());
        await LookAt(seller, "transfers-pending");

        seller.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Submit(seller, pending.GetByRole(AriaRole.Button, new() { Name = "لغو انتقال" }));
        await Expect(seller.GetByRole(AriaRole.Status)).ToContainTextAsync("انتقال مالکیت لغو شد");
        await Expect(seller.GetByRole(AriaRole.Region, new() { Name = "انتقال‌های در جریان" })).ToHaveCountAsync(0);
        await LookAt(seller, "transfers-cancelled");

        var buyer = await SignedInSubscriber(screen, Buyer);
        await Activate(buyer, firstCode);
        await Expect(buyer.GetByLabel("کد فعال‌سازی")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(buyer.GetByText("این کد انتقال دیگر معتبر نیست", new() { Exact = false }).First).ToBeVisibleAsync();
        await LookAt(buyer, "activation-cancelled-code");

        var secondCode = await StartTransfer(seller, lookAt: false);
        await Activate(buyer, secondCode);
        await Expect(buyer.GetByRole(AriaRole.Status)).ToHaveTextAsync($"مالکیت دستگاه {Display.Identifier(Nokia)} به سیم‌کارت {Display.Identifier(Buyer)} منتقل شد.");

        await OpenFromMenu(buyer, "سوابق انتقال مالکیت");
        await Expect(buyer.GetByRole(AriaRole.Row).Filter(new() { HasText = Nokia })).ToContainTextAsync("دریافت شده");
        await buyer.GotoAsync("/messages");
        var buyerMessages = buyer.GetByRole(AriaRole.Listitem);
        await Expect(buyerMessages.Filter(new() { HasText = "به شما آغاز شد" })).ToHaveCountAsync(2);
        await Expect(buyerMessages.Filter(new() { HasText = "را لغو کرد" })).ToHaveCountAsync(1);
        await Expect(buyerMessages.Filter(new() { HasText = "به سیم‌کارت شما منتقل شد" })).ToHaveCountAsync(1);
        await LookAt(buyer, "messages-transfer");

        await seller.GotoAsync("/messages");
        var sellerMessages = seller.GetByRole(AriaRole.Listitem);
        await Expect(sellerMessages.Filter(new() { HasText = "آغاز شد. کد انتقال تا" })).ToHaveCountAsync(2);
        await Expect(sellerMessages.Filter(new() { HasText = "منتقل شد" }).Filter(new() { HasText = "0935***4567" })).ToHaveCountAsync(1);
        await seller.GotoAsync("/transfers");
        await Expect(seller.GetByRole(AriaRole.Row).Filter(new() { HasText = Nokia })).ToContainTextAsync("واگذار شده");
        await LookAt(seller, "transfers-done");
    }

    /// <summary>Starts handing the Nokia to the buyer from «سوابق انتقال مالکیت»; returns the code shown.</summary>
    private async Task<string> StartTransfer(IPage seller, bool lookAt)
    {
        await OpenFromMenu(seller, "سوابق انتقال مالکیت");
        await Follow(Link(seller, "شروع انتقال مالکیت"));
        await seller.GetByLabel("دستگاه", new() { Exact = true }).SelectOptionAsync(Nokia);
        await seller.GetByLabel("شماره همراه خریدار (اختیاری)").FillAsync("۰۹۳۵ ۱۲۳ ۴۵۶۷");
        await seller.GetByLabel("گذرواژه کارتابل").FillAsync(Password);
        if (lookAt)
        {
            await LookAt(seller, "transfer-start-buyer");
        }

        await Submit(seller, Button(seller, "دریافت کد انتقال"));
        var shown = seller.GetByRole(AriaRole.Status);
        await Expect(shown).ToContainTextAsync(JalaliExpiry());
        if (lookAt)
        {
            await LookAt(seller, "transfer-started");
        }

        return SixDigits().Match(await shown.InnerTextAsync()).Value;
    }

    private async Task Activate(IPage buyer, string code)
    {
        await OpenFromMenu(buyer, "فعال سازی تلفن همراه");
        await buyer.GetByLabel("شناسه دستگاه (IMEI)").FillAsync(Nokia);
        await buyer.GetByLabel("کد فعال‌سازی").FillAsync(code);
        await Submit(buyer, Button(buyer, "فعال‌سازی"));
    }

    private string JalaliExpiry() => Display.Digits(Hamta.Kernel.Time.JalaliDate.FormatDateTime(Portal.Clock.GetUtcNow().AddDays(3)));

    [GeneratedRegex(@"\b[1-9][0-9]{5}\b")]
    private static partial Regex SixDigits();
}
