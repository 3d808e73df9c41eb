using System.Text.RegularExpressions;
using Hamta.Kernel.Notifications;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Login;

/// <summary>The sign-in journey in steps a test can call: ask for a code, read it from the SMS, type it.</summary>
public abstract partial class LoginTest(HamtaFixture fixture) : IntegrationTest(fixture)
{
    protected const string SampleMobile = "09121234567";

    protected Task<PortalPage> AskForCode(PortalClient browser, string mobile) =>
        AndWaitForMessages(() => browser.SubmitAsync("/login", new Dictionary<string, string> { ["mobile"] = mobile }));

    protected static Task<PortalPage> TypeCode(PortalClient browser, string code, string mobile = SampleMobile) =>
        browser.SubmitAsync($"/login/code?mobile={mobile}", new Dictionary<string, string> { ["mobile"] = mobile, ["code"] = code });

    protected async Task<string> LastCodeSentTo(string mobile)
    {
        var sms = (await SmsTo(mobile, SmsKind.Secret))[^1];
        return SixDigits().Match(sms.Text).Value;
    }

    protected async Task<PortalClient> SignedInSubscriber(string mobile = SampleMobile)
    {
        var browser = NewBrowser();
        await AskForCode(browser, mobile);
        var signedIn = await TypeCode(browser, await LastCodeSentTo(mobile), mobile);
        Assert.Equal("/", signedIn.Location);
        return browser;
    }

    protected static string WrongCodeFor(string code) => code == "111111" ? "222222" : "111111";

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
