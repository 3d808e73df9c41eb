using Hamta.Testing;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Login;

/// <summary>The sign-in journey in steps a test can call: ask for a code, read it from the SMS, type it.</summary>
public abstract class LoginTest(HamtaFixture fixture) : IntegrationTest(fixture)
{
    protected Task<PortalPage> AskForCode(PortalClient browser, string mobile) =>
        AndWaitForMessages(() => browser.SubmitAsync("/login", new Dictionary<string, string> { ["mobile"] = mobile }));

    protected static Task<PortalPage> TypeCode(PortalClient browser, string code, string mobile = SampleMobile) =>
        browser.SubmitAsync($"/login/code?mobile={mobile}", new Dictionary<string, string> { ["mobile"] = mobile, ["code"] = code });

    protected Task<string> LastCodeSentTo(string mobile) => TestHost.LoginCodeSentTo(Host.Services, mobile);

    protected async Task<PortalClient> SignedInSubscriber(string mobile = SampleMobile)
    {
        var browser = NewBrowser();
        await AskForCode(browser, mobile);
        var signedIn = await TypeCode(browser, await LastCodeSentTo(mobile), mobile);
        Assert.Equal("/", signedIn.Location);
        return browser;
    }

    protected static string WrongCodeFor(string code) => code == "111111" ? "222222" : "111111";
}
