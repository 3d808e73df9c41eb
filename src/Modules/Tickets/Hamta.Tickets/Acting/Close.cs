using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>«بستن»: the subscriber closes their ticket, open or settled, once.</summary>
public static class Close
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor subscriber, DateTimeOffset now) =>
        ticket.Status == TicketStatus.Closed ? TicketDecisions.NotAllowed : TicketDecisions.Done(new TicketClosed(ticket.Id, subscriber, now));
}
