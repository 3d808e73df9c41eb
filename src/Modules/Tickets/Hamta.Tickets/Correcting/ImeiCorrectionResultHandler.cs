using Hamta.Devices.Contracts;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Correcting;

/// <summary>The registry corrected the IMEI (the ticket is resolved) or could not (an agent takes over, with the reason).</summary>
public static class ImeiCorrectionResultHandler
{
    private static readonly TicketActor Registry = new(TicketActorKind.System, "registry correction");

    public static async Task<OutgoingMessages> Handle(ImeiCorrectionResult result, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var ticket = await session.Query<Ticket>().FirstOrDefaultAsync(x => x.Number == result.TicketNumber, cancellation);
        if (ticket is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var sms = await TicketStreams.DecideAsync(session, [ticket.Id], current => Corrections.Answer(current, result.Outcome, Registry, now), cancellation);
        return [.. sms];
    }
}
