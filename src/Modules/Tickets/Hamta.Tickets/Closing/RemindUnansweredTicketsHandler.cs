using Hamta.Kernel.Notifications;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Closing;

/// <summary>A subscriber asked for information gets one reminder, and the ticket is closed if they never answer.</summary>
public static class RemindUnansweredTicketsHandler
{
    private static readonly TicketActor Actor = new(TicketActorKind.System, "job remind-unanswered");

    public static async Task<OutgoingMessages> Handle(RemindUnansweredTickets command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var remindBefore = now - command.RemindAfter;
        var waiting = await session.Query<Ticket>()
            .Where(x => x.Status == TicketStatus.AwaitingSubscriber && x.InformationRequestedAt < remindBefore)
            .Select(x => x.Id)
            .ToListAsync(cancellation);
        return [.. await TicketStreams.DecideAsync(session, waiting, ticket => Decide(ticket, command, now), cancellation)];
    }

    /// <summary>
    /// Decided on the ticket as it is now: a reply or an agent's action since the query wins. Past the closing
    /// time the ticket is closed; past the reminding time it gets its one reminder.
    /// </summary>
    public static (IReadOnlyList<object> Events, SendSms? Sms) Decide(Ticket ticket, RemindUnansweredTickets command, DateTimeOffset now) => ticket switch
    {
        { Status: not TicketStatus.AwaitingSubscriber } => ([], null),
        _ when ticket.InformationRequestedAt < now - command.CloseAfter => AutoClose.Close(ticket, Actor, now),
        { Reminded: false } when ticket.InformationRequestedAt < now - command.RemindAfter =>
            ([new SubscriberReminded(ticket.Id, Actor, now)], new SendSms(ticket.SubscriberSim, TicketsTexts.Reminder(ticket.Number), SmsKind.Notice)),
        _ => ([], null),
    };
}
