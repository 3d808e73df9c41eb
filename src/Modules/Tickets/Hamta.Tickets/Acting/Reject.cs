using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>«رد»: an agent rejects an open ticket with the reason, which the subscriber reads; not while the registry is correcting its IMEI.</summary>
public static class Reject
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor agent, string reason, DateTimeOffset now) =>
        !ticket.IsOpen || ticket.CorrectionPending ? TicketDecisions.NotAllowed : TicketDecisions.Done(new TicketRejected(ticket.Id, agent, reason, now));
}
