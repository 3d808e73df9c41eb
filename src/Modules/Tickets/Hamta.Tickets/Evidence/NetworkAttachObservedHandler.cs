using Hamta.Sim.Contracts;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Hamta.Tickets.Evidence;

/// <summary>A new sighting re-checks at once the waiting tickets it could complete.</summary>
[StickyHandler(TicketsModule.EvidenceQueue)]
public static class NetworkAttachObservedHandler
{
    public static async Task<OutgoingMessages> Handle(NetworkAttachObserved observed, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var waiting = await session.Query<Ticket>()
            .Where(x => x.Status == TicketStatus.AwaitingNetworkEvidence && !x.CorrectionRequested
                && (x.SubscriberNationalId == observed.NationalId || x.SubscriberSim == observed.Msisdn)
                && x.CorrectImeis.Contains(observed.Imei))
            .Select(x => x.Id)
            .ToListAsync(cancellation);
        var actor = new TicketActor(TicketActorKind.System, $"observation {observed.ObservationId}");
        var now = clock.GetUtcNow();
        var corrections = await TicketStreams.DecideAsync(session, waiting,
            ticket => EvidenceRules.Record(ticket, observed.Imei, observed.Msisdn, observed.ObservedAt, actor, now), cancellation);
        return [.. corrections];
    }
}
