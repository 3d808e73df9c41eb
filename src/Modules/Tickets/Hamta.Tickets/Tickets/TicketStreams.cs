using Marten;

namespace Hamta.Tickets.Tickets;

public static class TicketStreams
{
    /// <summary>
    /// Decides on the ticket as it is fetched for writing and appends the decided events with optimistic
    /// concurrency: a ticket changed after the fetch fails the transaction, and the retried message decides
    /// again on the ticket as it then is. A decision made on a ticket read earlier could miss a change.
    /// </summary>
    public static async Task<T?> DecideAsync<T>(IDocumentSession session, Guid ticketId, Func<Ticket, (IReadOnlyList<object> Events, T? Outcome)> decide, CancellationToken cancellation)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<Ticket>(ticketId, cancellation);
        if (stream.Aggregate is not { } ticket)
        {
            return null;
        }

        var (events, outcome) = decide(ticket);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
        }

        return outcome;
    }

    /// <summary>The ticket after one more of its events, with the aggregate's own code.</summary>
    public static Ticket Evolve(Ticket ticket, object e) => e switch
    {
        NetworkEvidenceRecorded seen => ticket.Apply(seen),
        ImeiCorrectionRequested requested => ticket.Apply(requested),
        _ => throw new InvalidOperationException($"Evidence does not produce {e.GetType().Name}."),
    };
}
