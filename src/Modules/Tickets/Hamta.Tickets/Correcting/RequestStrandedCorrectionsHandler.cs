using Hamta.Devices.Contracts;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Correcting;

/// <summary>
/// Asks the registry again for the corrections that got no answer within the patience: a request or its answer
/// lost to a fault would otherwise leave the ticket waiting for good, since the evidence sweep passes over tickets
/// whose correction was asked for. The registry corrects a device once per ticket and answers a repeat with
/// "corrected", so asking twice is safe.
/// </summary>
public static class RequestStrandedCorrectionsHandler
{
    public const int BatchSize = 1000;

    public static async Task<OutgoingMessages> Handle(RequestStrandedCorrections command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var askedBefore = now - command.Patience;
        var stranded = await session.Query<Ticket>()
            .Where(x => x.CorrectionPending && x.CorrectionAskedAt < askedBefore)
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
        ticket is { IsOpen: true, CorrectionPending: true, CorrectionAskedAt: { } askedAt, Device: { RegisteredImeis.Count: 2 } device }
            && askedAt < askedBefore
            ? ([new ImeiCorrectionAskedAgain(ticket.Id, actor, now)],
                new CorrectImeiFromTicket(device.DeviceId, device.RegisteredImeis[1], ticket.CorrectImeis[1], ticket.Number, ticket.SubscriberNationalId,
                    $"ticket {ticket.Number}: the correction asked for at {askedAt:O} got no answer"))
            : ([], null);
}
