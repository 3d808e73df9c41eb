using System.Globalization;
using Hamta.Devices.Contracts;
using Hamta.Kernel.Identifiers;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Correcting;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Evidence;

/// <summary>
/// What one sighting changes on an IMEI-mismatch ticket, decided from the ticket alone. The correction it may ask for is
/// the system's, on that evidence: its cause names the sighting (and the operator that reported it), not the operator as actor.
/// </summary>
public static class EvidenceRules
{
    public static (IReadOnlyList<object> Events, CorrectImeiFromTicket? Correction) Record(
        Ticket ticket, string imei, string msisdn, DateTimeOffset observedAt, TicketActor actor, DateTimeOffset now, string? reportedBy = null)
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
        return ([seen, requested], Corrections.Ask(ticket, requested, CauseOf(ticket, imei, msisdn, observedAt, reportedBy)));
    }

    private static string CauseOf(Ticket ticket, string imei, string msisdn, DateTimeOffset observedAt, string? reportedBy)
    {
        var sim = MobileNumber.TryNormalize(msisdn, out var mobile) ? MobileNumber.Mask(mobile) : "***";
        var at = observedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var by = reportedBy is null ? "" : $", reported by operator {reportedBy}";
        return $"ticket {ticket.Number}: both correct IMEIs seen on the network; the last sighting: IMEI {imei} with SIM {sim} at {at}{by}";
    }
}
