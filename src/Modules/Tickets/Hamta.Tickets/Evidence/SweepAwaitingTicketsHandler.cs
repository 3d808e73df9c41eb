using Hamta.Kernel.Notifications;
using Hamta.Sim.Contracts;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Evidence;

/// <summary>
/// The safety net behind the event-driven check, one batch of waiting tickets a message: one query, one
/// evidence request to the Sim module, a rejection for each ticket that waited too long (decided on the
/// ticket as fetched for writing, so evidence recorded meanwhile wins), and the sweep
/// of the next batch. The evidence of a batch is looked for while the next one is read, and a sweep cut
/// short by a stopped node goes on from its last batch.
/// </summary>
public static class SweepAwaitingTicketsHandler
{
    private sealed record Waiting(Guid Id, long Number, string SubscriberSim, string SubscriberNationalId, DateTimeOffset OpenedAt,
        IReadOnlyList<string> CorrectImeis, IReadOnlyList<string>? ImeisSeenOnNetwork);

    public static async Task<OutgoingMessages> Handle(SweepAwaitingTickets sweep, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var batch = await session.Query<Ticket>()
            .Where(x => x.Status == TicketStatus.AwaitingNetworkEvidence && !x.CorrectionRequested && x.Number > sweep.After)
            .OrderBy(x => x.Number)
            .Take(sweep.BatchSize)
            .Select(x => new Waiting(x.Id, x.Number, x.SubscriberSim, x.SubscriberNationalId, x.OpenedAt, x.CorrectImeis, x.ImeisSeenOnNetwork))
            .ToListAsync(cancellation);
        var outgoing = new OutgoingMessages();
        if (batch.Count == sweep.BatchSize)
        {
            outgoing.Add(sweep with { After = batch[^1].Number });
        }

        var now = clock.GetUtcNow();
        var deadline = now - sweep.EvidenceWindow;
        var actor = new TicketActor(TicketActorKind.System, "job recheck-network-evidence");
        var expired = batch.Where(t => t.OpenedAt < deadline).Select(t => t.Id);
        outgoing.AddRange(await TicketStreams.DecideAsync(session, expired, ticket => Reject(ticket, actor, now), cancellation));

        var requests = batch.Where(t => t.OpenedAt >= deadline)
            .Select(t => new EvidenceRequest(t.Id, t.CorrectImeis.Except(t.ImeisSeenOnNetwork ?? []).ToList(), t.SubscriberSim, t.SubscriberNationalId))
            .ToList();
        if (requests.Count > 0)
        {
            outgoing.Add(new FindNetworkEvidence(requests));
        }

        return outgoing;
    }

    /// <summary>Rejects a ticket that still waits for evidence, decided on it as it is now (evidence may have come meanwhile).</summary>
    private static (IReadOnlyList<object> Events, SendSms? Sms) Reject(Ticket ticket, TicketActor actor, DateTimeOffset now) =>
        ticket.AwaitsEvidence
            ? ([new TicketRejected(ticket.Id, actor, TicketsTexts.NoEvidenceReason, now)], new SendSms(ticket.SubscriberSim, TicketsTexts.Rejected(ticket.Number), SmsKind.Notice))
            : ([], null);
}
