using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;

namespace Hamta.Tests.Staff;

public sealed class StaffAccessTests(HamtaFixture fixture) : LoginTest(fixture)
{
    private async Task<PortalClient> SignedInStaff(string username, string password)
    {
        var browser = NewBrowser();
        var page = await browser.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        Assert.Equal("/staff", page.Location);
        return browser;
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_persian_message()
    {
        var page = await NewBrowser().SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "admin", ["password"] = "guess" });

        Assert.Equal(200, page.Status);
        Assert.Contains("درست نیست", page.ErrorFor("password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jobs_dashboard_sends_an_anonymous_visitor_to_the_staff_login()
    {
        var page = await NewBrowser().GetAsync("/hangfire");

        Assert.Equal(302, page.Status);
        Assert.StartsWith("/staff/login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_is_forbidden_the_jobs_dashboard()
    {
        var agent = await SignedInStaff("agent", DemoPasswords.Agent);

        Assert.Equal(200, (await agent.GetAsync("/staff")).Status);
        Assert.Equal(403, (await agent.GetAsync("/hangfire")).Status);
    }

    [Fact]
    public async Task An_admin_opens_the_jobs_dashboard()
    {
        var admin = await SignedInStaff("admin", DemoPasswords.Admin);

        var staffHome = await admin.GetAsync("/staff");
        Assert.NotNull(staffHome.Document.QuerySelector("a[href='/hangfire']"));
        Assert.Equal(200, (await admin.GetAsync("/hangfire")).Status);
    }

    [Fact]
    public async Task A_subscriber_cookie_does_not_open_the_staff_area()
    {
        var subscriber = await SignedInSubscriber();

        var page = await subscriber.GetAsync("/staff");

        Assert.Equal(302, page.Status);
        Assert.StartsWith("/staff/login", page.Location, StringComparison.Ordinal);
    }
}
