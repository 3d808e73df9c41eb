using Hamta.Kernel.Notifications;

namespace Hamta.Host.Notifications;

/// <summary>An SMS as the portal keeps it: the subscriber reads their notices under «پیام های همتا».</summary>
public sealed record SmsMessage(Guid Id, string Mobile, string Text, SmsKind Kind, DateTimeOffset SentAt)
{
    public const string Schema = "notifications";
}
