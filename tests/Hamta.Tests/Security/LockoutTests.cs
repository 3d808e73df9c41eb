using Hamta.Host.Identity;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Security;

/// <summary>Wrong staff passwords, kartable passwords and activation codes lock the one who typed them, with a back-off.</summary>
public sealed class LockoutTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private const string KartablePassword = "kartable-pass-1";

    private Task<PortalPage> StaffLogin(string username, string password) =>
        NewBrowser().SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password });

    private async Task<PortalPage> WrongStaffPasswords(string username, int times)
    {
        PortalPage page = null!;
        for (var i = 0; i < times; i++)
        {
            page = await StaffLogin(username, $"guess-{i}");
        }

        return page;
    }

    [Fact]
    public async Task Five_wrong_staff_passwords_lock_the_account_and_even_the_right_one_waits()
    {
        var fourth = await WrongStaffPasswords("admin", 4);
        Assert.Contains("نام کاربری یا گذرواژه درست نیست", fourth.ErrorFor("password"), StringComparison.Ordinal);

        var fifth = await StaffLogin("admin", "guess-5");
        Assert.Contains("تا ۵ دقیقه دیگر ممکن نیست", fifth.ErrorFor("password"), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(3));
        var rightButLocked = await StaffLogin("admin", DemoPasswords.Admin);
        Assert.Equal(200, rightButLocked.Status);
        Assert.Contains("تا ۲ دقیقه دیگر ممکن نیست", rightButLocked.ErrorFor("password"), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("/staff", (await StaffLogin("admin", DemoPasswords.Admin)).Location);
    }

    [Fact]
    public async Task A_staff_account_locked_again_waits_twice_as_long()
    {
        await WrongStaffPasswords("agent", 5);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await WrongStaffPasswords("agent", 5);

        Assert.Contains("تا ۱۰ دقیقه دیگر ممکن نیست", again.ErrorFor("password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_with_the_staff_command_clears_the_lock()
    {
        await WrongStaffPasswords("admin", 5);

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffSignIn>()
                .SetAccountAsync("admin", "a-new-admin-password", [StaffRoles.Admin], TestContext.Current.CancellationToken);
        }

        Assert.Equal("/staff", (await StaffLogin("admin", "a-new-admin-password")).Location);
    }

    [Fact]
    public async Task An_unknown_username_is_answered_exactly_as_a_known_one()
    {
        for (var i = 0; i < 6; i++)
        {
            var known = await StaffLogin("auditor", $"guess-{i}");
            var unknown = await StaffLogin("no-such-person", $"guess-{i}");
            Assert.Equal(known.Status, unknown.Status);
            Assert.Equal(known.ErrorFor("password"), unknown.ErrorFor("password"));
        }
    }

    [Fact]
    public async Task Five_wrong_kartable_passwords_lock_transfers_from_that_sim_with_the_time_left()
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, KartablePassword);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await StartTransfer(seller, Nokia, $"not-the-password-{i}");
            Assert.Contains("گذرواژه کارتابل درست نیست", wrong.ErrorFor("password"), StringComparison.Ordinal);
        }

        var fifth = await StartTransfer(seller, Nokia, "not-the-password-5");
        Assert.Contains("تا ۱۵ دقیقه دیگر ممکن نیست", fifth.ErrorFor("password"), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(10));
        var rightButLocked = await StartTransfer(seller, Nokia, KartablePassword);
        Assert.Contains("تا ۵ دقیقه دیگر ممکن نیست", rightButLocked.ErrorFor("password"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(rightButLocked));

        Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.NotNull(TransferCodeOn(await StartTransfer(seller, Nokia, KartablePassword)));
    }

    [Fact]
    public async Task Wrong_current_passwords_on_the_account_page_count_towards_the_kartable_lock()
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, KartablePassword);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await SetKartablePassword(seller, "new-password-1", $"not-the-password-{i}");
            Assert.Contains("گذرواژه فعلی درست نیست", wrong.ErrorFor("currentpassword"), StringComparison.Ordinal);
        }

        var locking = await StartTransfer(seller, Nokia, "not-the-password-5");
        Assert.Contains("تا ۱۵ دقیقه دیگر ممکن نیست", locking.ErrorFor("password"), StringComparison.Ordinal);

        var change = await SetKartablePassword(seller, "new-password-1", KartablePassword);
        Assert.Contains("تا ۱۵ دقیقه دیگر ممکن نیست", change.ErrorFor("currentpassword"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(await StartTransfer(seller, Nokia, "new-password-1")));
    }

    [Fact]
    public async Task The_real_buyer_activates_while_a_guessers_sim_is_locked_out_of_the_device()
    {
        var guesser = await SignedInSubscriber(SecondUserSim);
        PortalPage guess = null!;
        for (var i = 0; i < 5; i++)
        {
            guess = await Activate(guesser, BoxedNokia, SecondUserSim, WrongCodeFor(BoxCode));
        }

        Assert.Contains("با این سیم‌کارت تا ۱۵ دقیقه دیگر ممکن نیست", guess.ErrorFor("code"), StringComparison.Ordinal);
        Assert.Contains("تا ۱۵ دقیقه دیگر", (await Activate(guesser, BoxedNokia, SecondUserSim, BoxCode)).ErrorFor("code"), StringComparison.Ordinal);

        var buyer = await SignedInSubscriber();
        var activated = await Activate(buyer, BoxedNokia, SampleMobile, BoxCode);

        Assert.Contains("فعال شد", activated.Text, StringComparison.Ordinal);
        Assert.Contains(BoxedNokia, await MyImeis(buyer));
    }

    [Fact]
    public async Task A_sim_locked_out_of_activation_again_waits_twice_as_long()
    {
        var guesser = await SignedInSubscriber(SecondUserSim);
        for (var i = 0; i < 5; i++)
        {
            await Activate(guesser, BoxedNokia, SecondUserSim, WrongCodeFor(BoxCode));
        }

        Clock.Advance(TimeSpan.FromMinutes(15));
        PortalPage again = null!;
        for (var i = 0; i < 5; i++)
        {
            again = await Activate(guesser, BoxedNokia, SecondUserSim, WrongCodeFor(BoxCode));
        }

        Assert.Contains("تا ۳۰ دقیقه دیگر", again.ErrorFor("code"), StringComparison.Ordinal);
    }
}
