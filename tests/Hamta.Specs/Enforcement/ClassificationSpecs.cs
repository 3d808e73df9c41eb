using Hamta.Enforcement.Conditions;
using Hamta.Enforcement.Warnings;
using Hamta.Kernel.Text;

namespace Hamta.Specs.Enforcement;

public sealed class ClassificationSpecs
{
    private const string Imei = SamsungRealSecondImei;
    private const string Msisdn = SampleMobile;
    private static readonly DateTimeOffset Deadline = new(2026, 12, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly EnforcementSettings Settings = new()
    {
        Conditions =
        [
            new() { Label = "not-registered", Kind = ConditionKind.NotRegistered, Reason = "ثبت نشده", MaxRatio = 0.25 },
            new() { Label = "non-owner-sim", Kind = ConditionKind.NonOwnerSim, Reason = "سیم‌کارت غیرمالک", MaxRatio = 0.1 },
            new() { Label = "cloned", Kind = ConditionKind.Cloned, Reason = "تکثیرشده", Blocking = false },
        ],
    };

    [Fact]
    public void A_condition_may_match_exactly_its_share_of_the_window_but_not_one_imei_more()
    {
        var atCap = SafetyCheck.Decide(Settings.Conditions, new Dictionary<string, long> { ["not-registered"] = 25, ["non-owner-sim"] = 10 }, 100);
        Assert.False(SafetyCheck.Stops(atCap));

        var over = SafetyCheck.Decide(Settings.Conditions, new Dictionary<string, long> { ["not-registered"] = 26, ["non-owner-sim"] = 10 }, 100);
        Assert.True(SafetyCheck.Stops(over));
        Assert.Equal("not-registered", Assert.Single(over, c => c.TooMany).Condition);
    }

    [Fact]
    public void An_empty_window_stops_nothing()
    {
        var counts = SafetyCheck.Decide(Settings.Conditions, new Dictionary<string, long>(), 0);

        Assert.False(SafetyCheck.Stops(counts));
        Assert.All(counts, c => Assert.Equal(0, c.Matched));
    }

    [Fact]
    public void A_warning_names_the_imei_the_reason_and_the_jalali_deadline()
    {
        var sms = Assert.Single(EnforcementNotices.For([new StateChange(NoticeChange.Met, Imei, "non-owner-sim", Msisdn, "سیم‌کارت غیرمالک", true, Deadline)], Settings));

        Assert.Equal(Msisdn, sms.Mobile);
        Assert.Contains(Imei, sms.Text, StringComparison.Ordinal);
        Assert.Contains("سیم‌کارت غیرمالک", sms.Text, StringComparison.Ordinal);
        Assert.Contains(Display.Date(Deadline), sms.Text, StringComparison.Ordinal);
        Assert.Contains("انتقال مالکیت", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unregistered_second_imei_of_a_device_the_subscriber_owns_points_to_the_mismatch_ticket_with_the_device_chosen()
    {
        var sms = Assert.Single(EnforcementNotices.For(
            [new StateChange(NoticeChange.Met, Imei, "not-registered", Msisdn, "ثبت نشده", true, Deadline, MismatchDevice: Samsung)], Settings));

        Assert.Contains("شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد", sms.Text, StringComparison.Ordinal);
        Assert.Contains($"/tickets/new/form?subject=ImeiMismatch&imei={Samsung}", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_unregistered_imei_is_told_to_activate_or_register_it()
    {
        var sms = Assert.Single(EnforcementNotices.For([new StateChange(NoticeChange.Met, Imei, "not-registered", Msisdn, "ثبت نشده", true, Deadline)], Settings));

        Assert.Contains("فعال سازی تلفن همراه", sms.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/tickets/", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_repeats_the_deadline_and_a_lifted_warning_says_so()
    {
        var sms = EnforcementNotices.For(
        [
            new StateChange(NoticeChange.Reminded, Imei, "not-registered", Msisdn, "ثبت نشده", true, Deadline),
            new StateChange(NoticeChange.Lifted, Imei, "not-registered", Msisdn, "ثبت نشده", true, null),
        ], Settings).ToList();

        Assert.Contains("یادآوری", sms[0].Text, StringComparison.Ordinal);
        Assert.Contains(Display.Date(Deadline), sms[0].Text, StringComparison.Ordinal);
        Assert.Contains("رفع شد", sms[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Informational_conditions_and_sightings_without_a_number_send_no_sms()
    {
        Assert.Empty(EnforcementNotices.For(
        [
            new StateChange(NoticeChange.Met, Imei, "cloned", Msisdn, "تکثیرشده", false, Deadline),
            new StateChange(NoticeChange.Met, Imei, "not-registered", null, "ثبت نشده", true, Deadline),
        ], Settings));
    }
}
