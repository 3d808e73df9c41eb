using Hamta.Testing;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Staff;

public sealed class StaffAccountsTests(HamtaFixture fixture) : DeskTest(fixture)
{
    private const string Accounts = "/staff/accounts";

    private static Dictionary<string, string> NewAccount(string username, string password = "", params string[] roles)
    {
        var fields = new Dictionary<string, string> { ["Username"] = username, ["DisplayName"] = "کارشناس تازه", ["Password"] = password };
        for (var i = 0; i < roles.Length; i++)
        {
            fields[$"Roles[{i}]"] = roles[i];
        }

        return fields;
    }

    private static Task<PortalPage> Act(PortalClient admin, string handler, string username, string? newPassword = null)
    {
        var fields = new Dictionary<string, string> { ["username"] = username };
        if (newPassword is not null)
        {
            fields["newPassword"] = newPassword;
        }

        return admin.SubmitAsync(Accounts, fields, $"{Accounts}?handler={handler}");
    }

    private async Task SignInFails(string username, string password)
    {
        var page = await NewBrowser().SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        Assert.Equal(200, page.Status);
    }

    [Theory]
    [InlineData("agent", DemoPasswords.Agent)]
    [InlineData("auditor", DemoPasswords.Auditor)]
    [InlineData("clerk", DemoPasswords.Clerk)]
    public async Task Only_admins_manage_staff_accounts(string username, string password)
    {
        var member = NewBrowser();
        Assert.Equal(302, (await member.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password })).Status);
        var admin = await SignedInAdmin();

        Assert.Equal(403, (await member.GetAsync(Accounts)).Status);
        Assert.DoesNotContain("/staff/accounts", (await member.GetAsync("/staff")).Html, StringComparison.Ordinal);
        Assert.Equal(200, (await admin.GetAsync(Accounts)).Status);
        Assert.NotNull((await admin.GetAsync("/staff")).Document.QuerySelector("nav a[href='/staff/accounts']"));
    }

    [Fact]
    public async Task An_agent_cannot_post_to_the_accounts_page_either()
    {
        var agent = await SignedInStaff();

        var page = await agent.PostAsync($"{Accounts}?handler=Disable", new Dictionary<string, string> { ["username"] = "admin" });

        Assert.Equal(403, page.Status);
        await SignedInAdmin();
    }

    [Fact]
    public async Task A_new_registry_clerk_gets_a_password_shown_once_that_signs_in()
    {
        var admin = await SignedInAdmin();
        var form = await admin.GetAsync(Accounts);
        Assert.Contains("کارشناس ثبت", form.Text, StringComparison.Ordinal);

        var created = await admin.SubmitAsync(Accounts, NewAccount("Clerk2", roles: "RegistryClerk"), $"{Accounts}?handler=Create");

        Assert.Equal(200, created.Status);
        Assert.Contains("no-store", created.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        var password = created.Document.QuerySelector("#issued-password code")!.TextContent;
        Assert.Equal(16, password.Length);
        Assert.Contains("clerk2", created.Document.QuerySelector("#accounts")!.TextContent, StringComparison.Ordinal);
        var clerk = await SignedInStaff("clerk2", password);
        Assert.Equal(200, (await clerk.GetAsync("/staff/declarations")).Status);
        Assert.Equal(403, (await clerk.GetAsync("/staff/tickets")).Status);
    }

    [Fact]
    public async Task The_same_create_form_posted_again_shows_no_password_and_makes_no_second_account()
    {
        var admin = await SignedInAdmin();
        var form = await admin.GetAsync(Accounts);
        var fields = form.Document.QuerySelectorAll("#create-form input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty);
        foreach (var (name, value) in NewAccount("auditor2", roles: "Auditor"))
        {
            fields[name] = value;
        }

        var first = await admin.PostAsync($"{Accounts}?handler=Create", fields);
        var again = await admin.PostAsync($"{Accounts}?handler=Create", fields);

        Assert.NotNull(first.Document.QuerySelector("#issued-password"));
        Assert.Equal(302, again.Status);
        var shown = await admin.GetAsync(again.Location!);
        Assert.Null(shown.Document.QuerySelector("#issued-password"));
        Assert.Contains("پیش‌تر یک بار نمایش داده شد", shown.Document.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab", "a-long-enough-password", "Agent", "Username", "نام کاربری باید")]
    [InlineData("agent", "a-long-enough-password", "Agent", "Username", "حسابی با این نام کاربری هست")]
    [InlineData("newagent", "short", "Agent", "Password", "دست‌کم ۱۲ نویسه")]
    [InlineData("newagent", "a-long-enough-password", "", "Roles", "دست‌کم یک نقش")]
    [InlineData("newagent", "a-long-enough-password", "Owner", "Roles", "دست‌کم یک نقش")]
    public async Task A_bad_account_is_refused_beside_its_field_and_nothing_is_made(string username, string password, string role, string field, string message)
    {
        var admin = await SignedInAdmin();

        var page = await admin.SubmitAsync(Accounts, NewAccount(username, password, role.Length == 0 ? [] : [role]), $"{Accounts}?handler=Create");

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor(field.ToLowerInvariant()), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#issued-password"));
        Assert.Equal(4, page.Document.QuerySelectorAll("#accounts tbody tr").Length);
    }

    [Fact]
    public async Task A_password_set_by_the_admin_ends_the_accounts_sessions_and_replaces_the_old_one()
    {
        var agent = await SignedInStaff();
        var admin = await SignedInAdmin();

        var done = await Act(admin, "Reset", "agent", "a-password-the-admin-chose");

        Assert.Equal($"{Accounts}?done=reset&user=agent", done.Location);
        Assert.Equal(302, (await agent.GetAsync("/staff/tickets")).Status);
        await SignInFails("agent", DemoPasswords.Agent);
        await SignedInStaff("agent", "a-password-the-admin-chose");
    }

    [Fact]
    public async Task A_reset_without_a_password_shows_a_new_one_once()
    {
        var agent = await SignedInStaff();
        var admin = await SignedInAdmin();

        var page = await Act(admin, "Reset", "agent");

        var password = page.Document.QuerySelector("#issued-password code")!.TextContent;
        Assert.Equal(302, (await agent.GetAsync("/staff/tickets")).Status);
        await SignedInStaff("agent", password);
    }

    [Fact]
    public async Task A_short_new_password_is_refused_and_the_old_one_still_works()
    {
        var admin = await SignedInAdmin();

        var page = await Act(admin, "Reset", "agent", "short");

        Assert.Contains("دست‌کم ۱۲ نویسه", page.Document.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        await SignedInStaff();
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_everywhere_and_cannot_sign_in_until_enabled()
    {
        var agent = await SignedInStaff();
        var admin = await SignedInAdmin();

        var disabled = await Act(admin, "Disable", "agent");

        Assert.Equal($"{Accounts}?done=disabled&user=agent", disabled.Location);
        Assert.Equal(302, (await agent.GetAsync("/staff/tickets")).Status);
        await SignInFails("agent", DemoPasswords.Agent);
        Assert.Contains("غیرفعال", (await admin.GetAsync(Accounts)).Document.QuerySelector("tr[data-username=agent]")!.TextContent, StringComparison.Ordinal);

        await Act(admin, "Enable", "agent");
        await SignedInStaff();
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var admin = await SignedInAdmin();
        var page = await admin.GetAsync(Accounts);
        Assert.Null(page.Document.QuerySelector("tr[data-username=admin] form[action*='Disable']"));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["username"] = "admin",
        };

        var refused = await admin.PostAsync($"{Accounts}?handler=Disable", fields);

        Assert.Contains("حساب خودتان", refused.Document.QuerySelector("#problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(200, (await admin.GetAsync(Accounts)).Status);
    }
}
