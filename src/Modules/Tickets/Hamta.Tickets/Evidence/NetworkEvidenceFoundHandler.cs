using Hamta.Devices.Contracts;
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
        var byTicket = found.Sightings.GroupBy(s => s.RequestId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.ObservedAt).ToList());
        var actor = new TicketActor(TicketActorKind.System, "network evidence check");
        var now = clock.GetUtcNow();
        var corrections = await TicketStreams.DecideAsync(session, byTicket.Keys, ticket => Record(ticket, byTicket[ticket.Id], actor, now), cancellation);
        return [.. corrections];
    }

    /// <summary>The ticket's sightings recorded one after another, each decided on the ticket as the previous left it.</summary>
    private static (IReadOnlyList<object> Events, CorrectImeiFromTicket? Correction) Record(
        Ticket ticket, IReadOnlyList<EvidenceSighting> sightings, TicketActor actor, DateTimeOffset now)
    {
        var events = new List<object>();
        CorrectImeiFromTicket? requested = null;
        foreach (var sighting in sightings)
        {
            var (recorded, correction) = EvidenceRules.Record(ticket, sighting.Imei, sighting.Msisdn, sighting.ObservedAt, actor, now, sighting.Operator);
            events.AddRange(recorded);
            ticket = recorded.Aggregate(ticket, TicketStreams.Evolve);
            requested ??= correction;
        }

        return (events, requested);
    }
}
