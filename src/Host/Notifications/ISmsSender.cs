using Hamta.Kernel.Notifications;
using Marten;

namespace Hamta.Host.Notifications;

/// <summary>The one way out for SMS. An operator gateway would be another implementation.</summary>
public interface ISmsSender
{
    /// <summary>
    /// Sends one SMS. <paramref name="id"/> names this sending: the same id sent again (a message handled twice after a
    /// fault) is the same SMS, never a second one.
    /// </summary>
    Task SendAsync(SendSms sms, Guid id, CancellationToken cancellation);
}

/// <summary>Keeps every SMS in the database, where the portal shows it.</summary>
public sealed class DatabaseSmsSender(IDocumentSession session, TimeProvider clock) : ISmsSender
{
    public Task SendAsync(SendSms sms, Guid id, CancellationToken cancellation)
    {
        session.Store(new SmsMessage(id, sms.Mobile, sms.Text, sms.Kind, clock.GetUtcNow()));
        return session.SaveChangesAsync(cancellation);
    }
}

public static class NotificationsRegistration
{
    public static void AddHamtaNotifications(this IServiceCollection services) =>
        services.AddScoped<ISmsSender, DatabaseSmsSender>();
}
