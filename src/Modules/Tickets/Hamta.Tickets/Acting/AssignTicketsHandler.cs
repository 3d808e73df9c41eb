using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;

namespace Hamta.Tickets.Acting;

/// <summary>Bulk assignment from the queue: the same rule as assigning one ticket, decided on each ticket as fetched for writing.</summary>
public static class AssignTicketsHandler
{
    public const int MaxTickets = 100;

    public static async Task<TicketsAssigned> Handle(AssignTickets command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var numbers = command.Numbers.Distinct().Take(MaxTickets).ToList();
        var ids = await session.Query<Ticket>().Where(x => numbers.Contains(x.Number)).Select(x => x.Id).ToListAsync(cancellation);
        var now = clock.GetUtcNow();
        var assigned = await TicketStreams.DecideAsync(session, ids, ticket => Decide(ticket, command.Agent, now), cancellation);
        return new TicketsAssigned([.. assigned.Select(a => a.Number).Order()]);
    }

    public static (IReadOnlyList<object> Events, Assigned? Outcome) Decide(Ticket ticket, TicketActor agent, DateTimeOffset now) =>
        Assign.Decide(ticket, agent, now) is (TicketActionOutcome.Done, { } change)
            ? ([change], new Assigned(ticket.Number))
            : ([], null);

    public sealed record Assigned(long Number);
}
