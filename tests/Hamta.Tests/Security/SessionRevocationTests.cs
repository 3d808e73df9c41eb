using Hamta.Host.Identity;
using Hamta.Testing;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Security;

public sealed class SessionRevocationTests(HamtaFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task A_subscriber_cookie_copied_before_sign_out_opens_nothing_after_it()
    {
        var browser = await SignedInSubscriber();
        var copied = browser.Copy();
        Assert.Equal(200, (await copied.GetAsync("/devices")).Status);

        await browser.SubmitAsync("/", new Dictionary<string, string>(), "/logout");

        var page = await copied.GetAsync("/devices");
        Assert.Equal(302, page.Status);
        Assert.StartsWith("/login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_cookie_copied_before_sign_out_opens_nothing_after_it()
    {
        var browser = await SignedInStaff();
        var copied = browser.Copy();
        Assert.Equal(200, (await copied.GetAsync("/staff/tickets")).Status);

        await browser.SubmitAsync("/staff", new Dictionary<string, string>(), "/staff/logout");

        Assert.Equal(302, (await copied.GetAsync("/staff/tickets")).Status);
    }

    [Fact]
    public async Task A_password_reset_or_a_disabled_account_ends_every_open_session()
    {
        var agent = await SignedInStaff();
        var admin = await SignedInAdmin();
        await using var scope = Host.Services.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffSignIn>();

        await staff.SetAccountAsync("agent", "a-new-agent-password", [StaffRoles.Agent], TestContext.Current.CancellationToken);
        await staff.DisableAsync("admin", TestContext.Current.CancellationToken);

        Assert.Equal(302, (await agent.GetAsync("/staff/tickets")).Status);
        Assert.Equal(302, (await admin.GetAsync("/staff/tickets")).Status);
        Assert.Null((await staff.CheckAsync("agent", DemoPasswords.Agent, TestContext.Current.CancellationToken)).Account);
        Assert.NotNull((await staff.CheckAsync("agent", "a-new-agent-password", TestContext.Current.CancellationToken)).Account);
        Assert.Null((await staff.CheckAsync("admin", DemoPasswords.Admin, TestContext.Current.CancellationToken)).Account);
    }
}
