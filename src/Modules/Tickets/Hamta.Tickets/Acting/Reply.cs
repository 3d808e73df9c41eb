using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>«پاسخ»: an agent answers the subscriber on an open ticket, who is told by SMS.</summary>
public static class Reply
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor agent, string text, DateTimeOffset now) =>
        TicketDecisions.IfOpen(ticket, new AgentReplied(ticket.Id, agent, text, now));
}
