using Marten;

namespace Hamta.Tickets.Tickets;

public static class TicketStreams
{
    /// <summary>
    /// Decides on each ticket as it is fetched for writing (all of them in one round trip) and appends the
    /// decided events with optimistic concurrency: a ticket changed after the fetch fails the transaction,
    /// and the retried message decides again on the ticket as it then is. A decision made on a ticket read
    /// earlier could miss a change. Gives the outcomes of the decisions that had one.
    /// </summary>
    public static async Task<IReadOnlyList<T>> DecideAsync<T>(IDocumentSession session, IEnumerable<Guid> ticketIds,
        Func<Ticket, (IReadOnlyList<object> Events, T? Outcome)> decide, CancellationToken cancellation)
        where T : class
    {
        var batch = session.CreateBatchQuery();
        var fetches = ticketIds.Select(id => batch.Events.FetchForWriting<Ticket>(id)).ToList();
        if (fetches.Count == 0)
        {
            return [];
        }

        await batch.Execute(cancellation);
        var outcomes = new List<T>();
        foreach (var fetch in fetches)
        {
            var stream = await fetch;
            if (stream.Aggregate is not { } ticket)
            {
                continue;
            }

            var (events, outcome) = decide(ticket);
            if (events.Count > 0)
            {
                stream.AppendMany(events);
            }

            if (outcome is not null)
            {
                outcomes.Add(outcome);
            }
        }

        return outcomes;
    }

    /// <summary>The ticket after one more of its events, with the aggregate's own code.</summary>
    public static Ticket Evolve(Ticket ticket, object e) => e switch
    {
        NetworkEvidenceRecorded seen => ticket.Apply(seen),
        ImeiCorrectionRequested requested => ticket.Apply(requested),
        _ => throw new InvalidOperationException($"Evidence does not produce {e.GetType().Name}."),
    };
}
