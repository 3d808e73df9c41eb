using Hamta.Kernel.Notifications;
using Wolverine;

namespace Hamta.Host.Notifications;

public static class SendSmsHandler
{
    /// <summary>The message's id names the SMS: handled again after a fault (its commit's answer lost, a node killed), it is stored once.</summary>
    public static Task Handle(SendSms sms, Envelope envelope, ISmsSender sender, CancellationToken cancellation) =>
        sender.SendAsync(sms, envelope.Id, cancellation);
}
