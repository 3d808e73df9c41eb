namespace Hamta.Kernel.Notifications;

/// <summary>Any module asks for an SMS to a canonical mobile number by publishing this.</summary>
public sealed record SendSms(string Mobile, string Text, SmsKind Kind);

public enum SmsKind
{
    /// <summary>A notice the subscriber may read again in the portal («پیام های همتا»).</summary>
    Notice,

    /// <summary>A one-time code: never shown again in the portal.</summary>
    Secret,
}
