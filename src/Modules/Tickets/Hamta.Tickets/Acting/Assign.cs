using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>An agent takes an open ticket that is not theirs already; a ticket waiting for evidence moves to «در حال بررسی».</summary>
public static class Assign
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor agent, DateTimeOffset now) =>
        !ticket.IsOpen || ticket.AssignedAgent == agent.Name ? TicketDecisions.NotAllowed : TicketDecisions.Done(new TicketAssigned(ticket.Id, agent, now));
}
