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
        if (ticket is null)
        {
            return [];
        }

        var actor = new TicketActor(TicketActorKind.System, "registry correction");
        var now = clock.GetUtcNow();
        var sms = await TicketStreams.DecideAsync(session, [ticket.Id], current => Answer(current, result, actor, now), cancellation);
        return [.. sms];
    }

    private static (IReadOnlyList<object> Events, SendSms? Sms) Answer(Ticket ticket, ImeiCorrectionResult result, TicketActor actor, DateTimeOffset now)
    {
        if (ticket is not { Status: TicketStatus.AwaitingNetworkEvidence, CorrectionRequested: true })
        {
            return ([], null);
        }

        return result.Outcome == ImeiCorrectionOutcome.Corrected
            ? ([new TicketResolved(ticket.Id, actor, TicketsTexts.AutomaticallyResolved(ticket.CorrectImeis[1]), now)],
                new SendSms(ticket.SubscriberSim, TicketsTexts.After(TicketAction.Resolve, ticket.Number)!, SmsKind.Notice))
            : ([new TicketHandedToAgent(ticket.Id, actor, result.Outcome.ToString(), now)], null);
    }
}
