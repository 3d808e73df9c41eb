using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>«درخواست اطلاعات تکمیلی»: an agent asks the subscriber on an open ticket; it waits «نیازمند اطلاعات تکمیلی» for the answer.</summary>
public static class RequestInformation
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor agent, string text, DateTimeOffset now) =>
        TicketDecisions.IfOpen(ticket, new InformationRequested(ticket.Id, agent, text, now));
}
