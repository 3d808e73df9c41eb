using Hamta.Devices.Contracts;
using Hamta.Kernel.Notifications;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Evidence;

/// <summary>The registry corrected the IMEI (the ticket is resolved) or could not (an agent takes over).</summary>
public static class ImeiCorrectionResultHandler
{
    public static async Task<OutgoingMessages> Handle(ImeiCorrectionResult result, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var ticket = await session.Query<Ticket>().FirstOrDefaultAsync(x => x.Number == result.TicketNumber, cancellation);
        if (ticket is not { Status: TicketStatus.AwaitingNetworkEvidence, CorrectionRequested: true })
        {
            return [];
        }

        var actor = new TicketActor(TicketActorKind.System, "registry correction");
        var now = clock.GetUtcNow();
        if (result.Outcome == ImeiCorrectionOutcome.Corrected)
        {
            await TicketStreams.AppendAsync(session, ticket.Id, [new TicketResolved(ticket.Id, actor, TicketsTexts.AutomaticallyResolved(ticket.CorrectImeis[1]), now)], cancellation);
            return [new SendSms(ticket.SubscriberSim, TicketsTexts.After(TicketAction.Resolve, ticket.Number)!, SmsKind.Notice)];
        }

        await TicketStreams.AppendAsync(session, ticket.Id, [new TicketHandedToAgent(ticket.Id, actor, result.Outcome.ToString(), now)], cancellation);
        return [];
    }
}
