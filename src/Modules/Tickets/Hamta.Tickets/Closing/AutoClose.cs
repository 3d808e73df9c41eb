using Hamta.Kernel.Notifications;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Closing;

/// <summary>How a sweep closes a ticket: the closing event and the SMS that tells the subscriber.</summary>
internal static class AutoClose
{
    public static (IReadOnlyList<object> Events, SendSms? Sms) Close(Ticket ticket, TicketActor actor, DateTimeOffset now) =>
        ([new TicketClosed(ticket.Id, actor, now)], new SendSms(ticket.SubscriberSim, TicketsTexts.AutoClosed(ticket.Number), SmsKind.Notice));
}
