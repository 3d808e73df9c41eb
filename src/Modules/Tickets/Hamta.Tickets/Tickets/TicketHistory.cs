using Hamta.Kernel.Auditing;
using Marten;

namespace Hamta.Tickets.Tickets;

/// <summary>A ticket number's stream on the history page.</summary>
public sealed class TicketHistory : IHistorySource
{
    public HistoryKind Kind => HistoryKind.Ticket;

    public string Source => TicketsModule.Schema;

    public async Task<StreamHistoryView?> FindAsync(IQuerySession session, string key, long? version, CancellationToken cancellation) =>
        long.TryParse(key, out var number) && await session.Query<Ticket>().FirstOrDefaultAsync(x => x.Number == number, cancellation) is { } ticket
            ? await EventStreamHistory.ViewAsync<Ticket>(session, Source, ticket.Id, version, cancellation)
            : null;
}
