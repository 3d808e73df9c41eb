using Hamta.Kernel.Notifications;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Sweeps;

/// <summary>Resolved tickets not reopened within the reopening window become «بسته شده».</summary>
public static class CloseSettledTicketsHandler
{
    public static async Task<OutgoingMessages> Handle(CloseSettledTickets command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var deadline = now - Ticket.ReopenWindow;
        var settled = await session.Query<Ticket>()
            .Where(x => x.Status == TicketStatus.Resolved && x.ResolvedAt < deadline)
            .Select(x => new { x.Id, x.Number, x.SubscriberSim })
            .ToListAsync(cancellation);
        var actor = new TicketActor(TicketActorKind.System, "job auto-close-resolved");
        var outgoing = new OutgoingMessages();
        foreach (var ticket in settled)
        {
            session.Events.Append(ticket.Id, new TicketClosed(ticket.Id, actor, now));
            outgoing.Add(new SendSms(ticket.SubscriberSim, TicketsTexts.AutoClosed(ticket.Number), SmsKind.Notice));
        }

        return outgoing;
    }
}
