using Hamta.Devices.Contracts;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Sweeps;

/// <summary>
/// Asks the registry again for the corrections that got no answer within the patience: a request or its answer
/// lost to a fault would otherwise leave the ticket waiting for good, since the evidence sweep passes over tickets
/// whose correction was asked for. The registry corrects a device once per ticket, so asking twice is safe.
/// </summary>
public static class RequestStrandedCorrectionsHandler
{
    public const int BatchSize = 1000;

    public static async Task<OutgoingMessages> Handle(RequestStrandedCorrections command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var askedBefore = now - command.Patience;
        var stranded = await session.Query<Ticket>()
            .Where(x => x.Status == TicketStatus.AwaitingNetworkEvidence && x.CorrectionRequested && x.PendingCorrection!.At < askedBefore)
            .OrderBy(x => x.Number)
            .Take(BatchSize)
            .Select(x => x.Id)
            .ToListAsync(cancellation);
        var actor = new TicketActor(TicketActorKind.System, "job recheck-network-evidence");
        return [.. await TicketStreams.DecideAsync(session, stranded, ticket => AskAgain(ticket, actor, askedBefore, now), cancellation)];
    }

    /// <summary>The same correction as before, asked again when the ticket still waits for it and was asked before <paramref name="askedBefore"/>.</summary>
    public static (IReadOnlyList<object> Events, CorrectImeiFromTicket? Correction) AskAgain(
        Ticket ticket, TicketActor actor, DateTimeOffset askedBefore, DateTimeOffset now) =>
        ticket is { Status: TicketStatus.AwaitingNetworkEvidence, CorrectionRequested: true, PendingCorrection: { } pending, Device: { } device }
            && pending.At < askedBefore
            ? ([new ImeiCorrectionRequested(ticket.Id, pending.WrongImei, pending.CorrectImei, actor, now)],
                new CorrectImeiFromTicket(device.DeviceId, pending.WrongImei, pending.CorrectImei, ticket.Number, ticket.SubscriberNationalId,
                    $"ticket {ticket.Number}: the correction asked for at {pending.At:O} got no answer"))
            : ([], null);
}
