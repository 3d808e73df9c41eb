using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;

namespace Hamta.Tests.Registry;

/// <summary>The demo world's devices and the registry steps a subscriber takes, for the registry scenarios.</summary>
public abstract class RegistryTest(HamtaFixture fixture) : LoginTest(fixture)
{
    protected static string Persian(string digits) =>
        string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));

    protected static string ArabicIndic(string digits) =>
        string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)('٠' + (c - '0')) : c));

    /// <summary>Activates as the subscriber does, and waits for the SMS it sends.</summary>
    protected Task<PortalPage> Activate(PortalClient browser, string imei, string sim, string code) =>
        AndWaitForMessages(() => browser.SubmitAsync("/activation", new Dictionary<string, string> { ["Imei"] = imei, ["Sim"] = sim, ["Code"] = code }));

    protected static Task<PortalPage> SetKartablePassword(PortalClient browser, string newPassword, string? currentPassword = null)
    {
        var fields = new Dictionary<string, string> { ["NewPassword"] = newPassword };
        if (currentPassword is not null)
        {
            fields["CurrentPassword"] = currentPassword;
        }

        return browser.SubmitAsync("/account", fields);
    }

    /// <summary>Starts a transfer as the seller does, and waits for the SMS it sends.</summary>
    protected Task<PortalPage> StartTransfer(PortalClient browser, string imei, string password, string buyerSim = "") =>
        AndWaitForMessages(() => browser.SubmitAsync("/transfers/start",
            new Dictionary<string, string> { ["Imei"] = imei, ["Password"] = password, ["BuyerSim"] = buyerSim }));

    /// <summary>The seller sets a kartable password and starts handing <paramref name="imei"/> over; returns the code for the buyer.</summary>
    protected async Task<string> TransferCodeFor(PortalClient seller, string imei, string password = "kartable-pass-1", string buyerSim = "")
    {
        await SetKartablePassword(seller, password);
        var started = await StartTransfer(seller, imei, password, buyerSim);
        return TransferCodeOn(started) ?? throw new InvalidOperationException($"No transfer code was shown: {started.Text}");
    }

    /// <summary>The one-time code the start-transfer page showed, or null when it showed none.</summary>
    protected static string? TransferCodeOn(PortalPage page) =>
        page.Document.QuerySelector("#transfer-code .fs-3")?.TextContent.Trim();

    /// <summary>The IMEIs listed in the signed-in subscriber's «مدیریت دستگاه ها» table.</summary>
    protected static async Task<IReadOnlyList<string>> MyImeis(PortalClient browser)
    {
        var page = await browser.GetAsync("/devices");
        Assert.Equal(200, page.Status);
        return page.Document.QuerySelectorAll("main span.imei").Select(x => x.TextContent.Trim()).ToList();
    }

    /// <summary>The public inquiry's answer, from a fresh address so the per-address limit never interferes.</summary>
    protected async Task<string> InquiryAbout(string imei)
    {
        var page = await NewBrowser().GetAsync($"/inquiry?imei={Uri.EscapeDataString(imei)}");
        Assert.Equal(200, page.Status);
        return page.Document.QuerySelector("#inquiry-result")?.TextContent ?? string.Empty;
    }

    protected static bool SaysRegistered(string inquiry) => inquiry.Contains("ثبت شده و قانونی", StringComparison.Ordinal);

    /// <summary>The inquiry's line on whether the network has seen the device («بله» or «خیر»).</summary>
    protected static string SeenOnNetworkLine(string inquiry) => inquiry[inquiry.LastIndexOf("پیش‌تر در شبکه رؤیت شده", StringComparison.Ordinal)..];

    protected static async Task<string> StatusOf(PortalClient browser, string imei)
    {
        var page = await browser.GetAsync($"/imei-status?imei={Uri.EscapeDataString(imei)}");
        Assert.Equal(200, page.Status);
        return page.Document.QuerySelector("#status-result")?.TextContent ?? string.Empty;
    }
}
