using Hamta.Kernel.Notifications;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Sweeps;

/// <summary>A subscriber asked for information gets one reminder, and the ticket is closed if they never answer.</summary>
public static class RemindUnansweredTicketsHandler
{
    public static async Task<OutgoingMessages> Handle(RemindUnansweredTickets command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var remindBefore = now - command.RemindAfter;
        var waiting = await session.Query<Ticket>()
            .Where(x => x.Status == TicketStatus.AwaitingSubscriber && x.InformationRequestedAt < remindBefore)
            .Select(x => new { x.Id, x.Number, x.SubscriberSim, x.InformationRequestedAt, x.Reminded })
            .ToListAsync(cancellation);
        var actor = new TicketActor(TicketActorKind.System, "job remind-unanswered");
        var outgoing = new OutgoingMessages();
        foreach (var ticket in waiting)
        {
            if (ticket.InformationRequestedAt < now - command.CloseAfter)
            {
                session.Events.Append(ticket.Id, new TicketClosed(ticket.Id, actor, now));
                outgoing.Add(new SendSms(ticket.SubscriberSim, TicketsTexts.AutoClosed(ticket.Number), SmsKind.Notice));
            }
            else if (!ticket.Reminded)
            {
                session.Events.Append(ticket.Id, new SubscriberReminded(ticket.Id, actor, now));
                outgoing.Add(new SendSms(ticket.SubscriberSim, TicketsTexts.Reminder(ticket.Number), SmsKind.Notice));
            }
        }

        return outgoing;
    }
}
