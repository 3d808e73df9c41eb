using Hamta.Enforcement.Conditions;
using Hamta.Kernel.Notifications;

namespace Hamta.Enforcement.Warnings;

/// <summary>A change of an IMEI's state a run made, as far as the person using it is concerned.</summary>
public enum NoticeChange
{
    Met,
    Reminded,
    Lifted,
}

/// <summary>
/// One changed state row, with the MSISDN of the sighting that met it and, for an unregistered IMEI, the registered
/// IMEI of a same-model dual-SIM device the sighting's national ID owns (the IMEI-mismatch ticket's case).
/// </summary>
public sealed record StateChange(NoticeChange Change, string Imei, string Condition, string? Msisdn, string Reason, bool Blocking,
    DateTimeOffset? Deadline, string? MismatchDevice = null);

/// <summary>Decides which SMS a run's changes send: one per IMEI and blocking condition met, reminded or lifted.</summary>
public static class EnforcementNotices
{
    public static IEnumerable<SendSms> For(IEnumerable<StateChange> changes, EnforcementSettings settings) =>
        changes.Where(c => c is { Blocking: true, Msisdn: not null }).Select(c => new SendSms(c.Msisdn!, c.Change switch
        {
            NoticeChange.Met => EnforcementTexts.Warning(c.Imei, c.Reason, c.Deadline!.Value,
                EnforcementTexts.Hint(settings.Find(c.Condition)?.Kind ?? ConditionKind.Malformed, c.MismatchDevice)),
            NoticeChange.Reminded => EnforcementTexts.Reminder(c.Imei, c.Reason, c.Deadline!.Value),
            _ => EnforcementTexts.Lifted(c.Imei, c.Reason),
        }, SmsKind.Notice));
}
