using Hamta.Kernel.Notifications;

namespace Hamta.Host.Notifications;

public static class SendSmsHandler
{
    public static Task Handle(SendSms sms, ISmsSender sender, CancellationToken cancellation) =>
        sender.SendAsync(sms, cancellation);
}
