using Hamta.Devices.Contracts;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Evidence;

/// <summary>What one sighting changes on an IMEI-mismatch ticket, decided from the ticket alone.</summary>
public static class EvidenceRules
{
    public static (IReadOnlyList<object> Events, CorrectImeiFromTicket? Correction) Record(
        Ticket ticket, string imei, string msisdn, DateTimeOffset observedAt, TicketActor actor, DateTimeOffset now)
    {
        if (!ticket.AwaitsEvidence || !ticket.MissingEvidence.Contains(imei))
        {
            return ([], null);
        }

        var seen = new NetworkEvidenceRecorded(ticket.Id, imei, msisdn, observedAt, actor, now);
        if (ticket.MissingEvidence.Count > 1 || ticket.Device is not { RegisteredImeis.Count: 2 } device)
        {
            return ([seen], null);
        }

        var requested = new ImeiCorrectionRequested(ticket.Id, device.RegisteredImeis[1], ticket.CorrectImeis[1], actor, now);
        return ([seen, requested], Corrections.Ask(ticket, requested, $"ticket {ticket.Number}: both correct IMEIs seen on the network"));
    }
}
