using Hamta.Devices.Contracts;
using Hamta.Kernel.Notifications;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Correcting;

/// <summary>The registry's side of a ticket's IMEI correction: the request to Devices, and what its answer does to the ticket.</summary>
public static class Corrections
{
    public static CorrectImeiFromTicket Ask(Ticket ticket, ImeiCorrectionRequested requested, string cause) =>
        new(ticket.Device!.DeviceId, requested.WrongImei, requested.CorrectImei, ticket.Number, ticket.SubscriberNationalId, cause);

    /// <summary>
    /// The registry's answer, decided on the ticket as it is now: corrected → resolved (by the agent who asked, with
    /// their message, or by the system); refused → with an agent, with the reason. A ticket no longer waiting for an
    /// answer (answered already, closed meanwhile) is left as it is.
    /// </summary>
    public static (IReadOnlyList<object> Events, SendSms? Sms) Answer(Ticket ticket, ImeiCorrectionOutcome outcome, TicketActor registry, DateTimeOffset now)
    {
        if (!ticket.IsOpen || !ticket.CorrectionPending)
        {
            return ([], null);
        }

        var (wrong, correct) = (ticket.Device!.RegisteredImeis[1], ticket.CorrectImeis[1]);
        return outcome == ImeiCorrectionOutcome.Corrected
            ? ([new TicketResolved(ticket.Id, ticket.CorrectionRequestedBy ?? registry, ticket.CorrectionMessage ?? TicketsTexts.AutomaticallyResolved(wrong, correct), now)],
                new SendSms(ticket.SubscriberSim, TicketsTexts.Corrected(ticket.Number, wrong, correct), SmsKind.Notice))
            : ([new ImeiCorrectionRefused(ticket.Id, TicketsTexts.CorrectionRefused(outcome), registry, now)], null);
    }
}
