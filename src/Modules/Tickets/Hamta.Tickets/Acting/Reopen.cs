using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>«بازگشایی»: the subscriber reopens a resolved ticket within the reopening window; it goes back to «در حال بررسی».</summary>
public static class Reopen
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor subscriber, DateTimeOffset now) => ticket switch
    {
        { Status: not TicketStatus.Resolved } => TicketDecisions.NotAllowed,
        _ when !ticket.ReopenableAt(now) => (TicketActionOutcome.ReopenWindowPassed, null),
        _ => TicketDecisions.Done(new TicketReopened(ticket.Id, subscriber, now)),
    };
}
