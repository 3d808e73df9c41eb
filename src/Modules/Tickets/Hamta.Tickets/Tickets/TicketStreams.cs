using Marten;

namespace Hamta.Tickets.Tickets;

public static class TicketStreams
{
    /// <summary>Appends to a ticket with optimistic concurrency: a ticket changed meanwhile fails the transaction, and the message is retried.</summary>
    public static async Task AppendAsync(IDocumentSession session, Guid ticketId, IReadOnlyList<object> events, CancellationToken cancellation)
    {
        if (events.Count == 0)
        {
            return;
        }

        var stream = await session.Events.FetchForWriting<Ticket>(ticketId, cancellation);
        stream.AppendMany(events);
    }

    /// <summary>The ticket after one more of its events, with the aggregate's own code.</summary>
    public static Ticket Evolve(Ticket ticket, object e) => e switch
    {
        NetworkEvidenceRecorded seen => ticket.Apply(seen),
        ImeiCorrectionRequested requested => ticket.Apply(requested),
        _ => throw new InvalidOperationException($"Evidence does not produce {e.GetType().Name}."),
    };
}
