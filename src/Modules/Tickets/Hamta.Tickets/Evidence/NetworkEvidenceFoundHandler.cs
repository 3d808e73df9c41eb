using Hamta.Sim.Contracts;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Evidence;

/// <summary>
/// The answer to a batch of evidence requests (at opening, or from the recurring check). Every ticket of
/// the batch is fetched for writing in one round trip, decided on as fetched, and appended with
/// optimistic concurrency.
/// </summary>
public static class NetworkEvidenceFoundHandler
{
    public static async Task<OutgoingMessages> Handle(NetworkEvidenceFound found, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var byTicket = found.Sightings.GroupBy(s => s.RequestId).ToDictionary(g => g.Key, g => g.ToList());
        var batch = session.CreateBatchQuery();
        var fetches = byTicket.Keys.Select(id => batch.Events.FetchForWriting<Ticket>(id)).ToList();
        await batch.Execute(cancellation);
        var actor = new TicketActor(TicketActorKind.System, "network evidence check");
        var outgoing = new OutgoingMessages();
        foreach (var fetch in fetches)
        {
            var stream = await fetch;
            if (stream.Aggregate is not { } ticket)
            {
                continue;
            }

            var events = new List<object>();
            var current = ticket;
            foreach (var sighting in byTicket[ticket.Id].OrderBy(s => s.ObservedAt))
            {
                var (recorded, correction) = EvidenceRules.Record(current, sighting.Imei, sighting.Msisdn, sighting.ObservedAt, actor, clock.GetUtcNow());
                events.AddRange(recorded);
                current = recorded.Aggregate(current, TicketStreams.Evolve);
                if (correction is not null)
                {
                    outgoing.Add(correction);
                }
            }

            if (events.Count > 0)
            {
                stream.AppendMany(events);
            }
        }

        return outgoing;
    }
}
