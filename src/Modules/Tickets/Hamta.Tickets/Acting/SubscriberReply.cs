using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>The subscriber answers on an open ticket (with files, the only action that carries them); it goes to «در حال بررسی».</summary>
public static class SubscriberReply
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor subscriber, string text, DateTimeOffset now) =>
        TicketDecisions.IfOpen(ticket, new SubscriberReplied(ticket.Id, subscriber, text, now));
}
