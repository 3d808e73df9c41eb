using Hamta.Kernel.Notifications;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Closing;

/// <summary>Resolved tickets not reopened within the reopening window become «بسته شده».</summary>
public static class CloseSettledTicketsHandler
{
    private static readonly TicketActor Actor = new(TicketActorKind.System, "job auto-close-resolved");

    public static async Task<OutgoingMessages> Handle(CloseSettledTickets command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var deadline = now - Ticket.ReopenWindow;
        var settled = await session.Query<Ticket>()
            .Where(x => x.Status == TicketStatus.Resolved && x.ResolvedAt < deadline)
            .Select(x => x.Id)
            .ToListAsync(cancellation);
        return [.. await TicketStreams.DecideAsync(session, settled, ticket => Decide(ticket, now), cancellation)];
    }

    /// <summary>Closes a ticket that is still resolved and past its reopening window, as it is now (it may have been reopened meanwhile).</summary>
    public static (IReadOnlyList<object> Events, SendSms? Sms) Decide(Ticket ticket, DateTimeOffset now) =>
        ticket.Status == TicketStatus.Resolved && ticket.ResolvedAt < now - Ticket.ReopenWindow
            ? AutoClose.Close(ticket, Actor, now)
            : ([], null);
}
