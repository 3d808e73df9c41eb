using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>
/// «رفع»: an agent resolves an open ticket. An IMEI-mismatch ticket whose device still carries the wrong second IMEI
/// asks the registry for the correction instead (ADR 8); while a correction is pending it can be neither resolved nor rejected.
/// </summary>
public static class Resolve
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, TicketActor agent, string message, DateTimeOffset now) => ticket switch
    {
        { IsOpen: false } or { CorrectionPending: true } => TicketDecisions.NotAllowed,
        { NeedsImeiCorrection: true } => (TicketActionOutcome.CorrectionRequested,
            new ImeiCorrectionRequested(ticket.Id, ticket.Device!.RegisteredImeis[1], ticket.CorrectImeis[1], agent, now, message)),
        _ => TicketDecisions.Done(new TicketResolved(ticket.Id, agent, message, now)),
    };
}
