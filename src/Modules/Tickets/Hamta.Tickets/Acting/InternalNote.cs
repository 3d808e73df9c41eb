using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>«یادداشت داخلی»: a note among agents on an open ticket; the subscriber never sees it.</summary>
public static class InternalNote
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor agent, string text, DateTimeOffset now) =>
        TicketDecisions.IfOpen(ticket, new InternalNoteAdded(ticket.Id, agent, text, now));
}
