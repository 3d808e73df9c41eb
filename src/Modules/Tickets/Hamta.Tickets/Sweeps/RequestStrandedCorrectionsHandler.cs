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
            .Where(x => (x.Status == TicketStatus.AwaitingNetworkEvidence || x.Status == TicketStatus.InReview)
                && x.PendingCorrection != null && x.PendingCorrection.At < askedBefore)
            .OrderBy(x => x.Number)
            .Take(BatchSize)
            .Select(x => x.Id)
            .ToListAsync(cancellation);
        return [.. await TicketStreams.DecideAsync(session, stranded, ticket => AskAgain(ticket, askedBefore, now), cancellation)];
    }

    /// <summary>
    /// The same correction as before, asked again (in the name of whoever asked first, with their message) when the
    /// ticket still waits for it and was asked before <paramref name="askedBefore"/>.
    /// </summary>
    public static (IReadOnlyList<object> Events, CorrectImeiFromTicket? Correction) AskAgain(Ticket ticket, DateTimeOffset askedBefore, DateTimeOffset now)
    {
        if (ticket is not { IsOpen: true, PendingCorrection: { } pending, Device: not null } || pending.At >= askedBefore)
        {
            return ([], null);
        }

        var again = pending with { At = now };
        return ([again], Corrections.Ask(ticket, again, $"ticket {ticket.Number}: the correction asked for at {pending.At:O} got no answer"));
    }
}
