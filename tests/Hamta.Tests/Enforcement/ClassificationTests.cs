using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;
using Hamta.Sim.Contracts;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Enforcement;

public sealed class ClassificationTests(HamtaFixture fixture) : EnforcementTest(fixture)
{
    [Fact]
    public async Task An_unregistered_imei_is_warned_once_with_its_deadline_though_classified_twice()
    {
        await HealthyNetwork();
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));

        await Classify();
        await Classify();

        var state = Assert.Single(await StatesOf(Unregistered));
        Assert.Equal("not-registered", state.Condition);
        Assert.Equal(Clock.GetUtcNow().AddDays(30), state.Deadline);
        Assert.False(state.Blocked);
        var warning = Assert.Single(await EnforcementSmsTo(SecondUserSim));
        Assert.Contains(Unregistered, warning, StringComparison.Ordinal);
        Assert.Contains(Display.Date(state.Deadline), warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_devices_used_by_their_owners_meet_no_condition()
    {
        await HealthyNetwork();

        await Classify();

        Assert.Empty((await Ask<EnforcementStates>(new FindEnforcementStates([Nokia, Samsung, Xiaomi, XiaomiSecondImei]))).States);
        Assert.Empty(await EnforcementSmsTo(SampleMobile));
    }

    [Fact]
    public async Task A_wrong_check_digit_is_malformed_and_the_right_one_is_not()
    {
        await HealthyNetwork();
        await See("353325101234568", SampleMobile, TimeSpan.FromHours(1));

        await Classify();

        Assert.Equal("malformed", Assert.Single(await StatesOf("353325101234568")).Condition);
        Assert.Empty(await StatesOf(Nokia));
    }

    [Fact]
    public async Task An_owned_device_used_with_another_national_ids_sim_is_warned_after_more_than_three_days()
    {
        await HealthyNetwork();
        foreach (var days in new[] { 2, 1, 0 })
        {
            await See(Samsung, SecondUserSim, TimeSpan.FromDays(days) + TimeSpan.FromHours(1));
        }

        await Classify();
        Assert.Empty(await StatesOf(Samsung));

        await See(Samsung, SecondUserSim, TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
        await Classify();
        Assert.Equal("non-owner-sim", Assert.Single(await StatesOf(Samsung)).Condition);
        Assert.Contains("انتقال مالکیت", Assert.Single(await EnforcementSmsTo(SecondUserSim)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owners_other_sim_is_not_a_stranger()
    {
        await HealthyNetwork();
        foreach (var days in new[] { 4, 3, 2, 1, 0 })
        {
            await See(Samsung, OtherSimOfSample, TimeSpan.FromDays(days) + TimeSpan.FromHours(1));
        }

        await Classify();

        Assert.Empty(await StatesOf(Samsung));
    }

    [Fact]
    public async Task An_imei_with_more_than_three_imsis_a_day_on_two_days_is_cloned_and_on_one_day_is_not()
    {
        await HealthyNetwork();
        for (var i = 0; i < 4; i++)
        {
            await See(Xiaomi, SecondUserSim, TimeSpan.FromDays(1) + TimeSpan.FromMinutes(i), $"4321100000000{i}");
            await See(Xiaomi, SecondUserSim, TimeSpan.FromMinutes(i), $"4321100000001{i % 3}");
        }

        await Classify();
        Assert.Empty(await StatesOf(Xiaomi));

        await See(Xiaomi, SecondUserSim, TimeSpan.FromMinutes(10), "432110000000019");
        await Classify();
        Assert.Equal("cloned", Assert.Single(await StatesOf(Xiaomi)).Condition);
    }

    [Fact]
    public async Task A_run_that_would_match_more_than_a_conditions_share_applies_nothing_and_says_so()
    {
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));
        await See(UnregisteredOtherTac, SecondUserSim, TimeSpan.FromHours(1));
        await See(Nokia, SampleMobile, TimeSpan.FromHours(1));
        var logsBefore = HamtaFixture.Logs.Count;

        await Classify("safety-test");

        Assert.Empty(await StatesOf(Unregistered));
        Assert.Empty(await EnforcementSmsTo(SecondUserSim));
        var run = Assert.Single(await Ask<IReadOnlyList<ClassificationRun>>(new FindClassificationRuns(50)), r => r.Cause == "safety-test");
        Assert.True(run.Stopped);
        var notRegistered = Assert.Single(run.Conditions, c => c.TooMany);
        Assert.Equal(("not-registered", 2), (notRegistered.Condition, notRegistered.Matched));
        Assert.Contains("stopped: condition \"not-registered\" matched 2 IMEIs", HamtaFixture.Logs.Since(logsBefore), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warned_imei_is_reminded_before_its_deadline_and_blocked_after_it()
    {
        await HealthyNetwork();
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));
        await Classify();

        Clock.Advance(TimeSpan.FromDays(26));
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));
        await HealthyNetwork();
        await Classify();
        Assert.False(Assert.Single(await StatesOf(Unregistered)).Blocked);
        Assert.Contains(await EnforcementSmsTo(SecondUserSim), sms => sms.Contains("یادآوری", StringComparison.Ordinal));

        Clock.Advance(TimeSpan.FromDays(4));
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));
        await Classify();
        Assert.True(Assert.Single(await StatesOf(Unregistered)).Blocked);
        Assert.Equal(2, (await EnforcementSmsTo(SecondUserSim)).Count);
    }

    [Fact]
    public async Task A_registered_imei_is_lifted_in_the_next_run_with_an_sms()
    {
        await HealthyNetwork();
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));
        await Classify();

        await Ask<Hamta.Devices.Contracts.DeclarationResult>(new Hamta.Devices.Contracts.DeclareDevice([Unregistered], "Samsung", "Galaxy A54",
            Hamta.Devices.Contracts.ImportType.Commercial, "واردکننده آزمون"));
        await Classify();

        Assert.Empty(await StatesOf(Unregistered));
        Assert.Contains(await EnforcementSmsTo(SecondUserSim), sms => sms.Contains("رفع شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transfer_to_the_sims_owner_lifts_the_non_owner_warning_at_once_with_an_sms()
    {
        await HealthyNetwork();
        foreach (var days in new[] { 3, 2, 1, 0 })
        {
            await See(Nokia, SecondUserSim, TimeSpan.FromDays(days) + TimeSpan.FromHours(1));
        }

        await Classify();
        Assert.Equal("non-owner-sim", Assert.Single(await StatesOf(Nokia)).Condition);

        var code = await TransferCodeFor(await SignedInSubscriber(), Nokia);
        await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, code);

        Assert.Empty(await StatesOf(Nokia));
        Assert.Contains(await EnforcementSmsTo(SecondUserSim), sms => sms.Contains("رفع شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_its_sims_expiry_leaves_without_an_owner_loses_its_non_owner_warning_at_once()
    {
        await HealthyNetwork();
        foreach (var days in new[] { 3, 2, 1, 0 })
        {
            await See(Xiaomi, SampleMobile, TimeSpan.FromDays(days) + TimeSpan.FromHours(1));
        }

        await Classify();
        Assert.Equal("non-owner-sim", Assert.Single(await StatesOf(Xiaomi)).Condition);

        await Send(new ExpireSimCard(SecondUserSim, "agent"));

        Assert.Empty(await StatesOf(Xiaomi));
    }
}
