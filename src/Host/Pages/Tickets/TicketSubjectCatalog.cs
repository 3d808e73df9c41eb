using Hamta.Tickets.Contracts;

namespace Hamta.Host.Pages.Tickets;

/// <summary>
/// Which fields a subject's form asks for, besides «شرح درخواست», and whether the agents need documents with it
/// (the form then names them, <c>Documents_{Subject}</c>).
/// </summary>
public sealed record SubjectForm(TicketSubject Subject, bool ImeiPairs, bool Imei, bool NewImei, bool OldSim, bool Documents = false);

/// <summary>The subjects a subscriber can choose, in the order they are offered.</summary>
public static class TicketSubjectCatalog
{
    public static readonly IReadOnlyList<SubjectForm> All =
    [
        new(TicketSubject.ImeiMismatch, ImeiPairs: true, Imei: false, NewImei: false, OldSim: false),
        new(TicketSubject.IllegalDeviceWarning, ImeiPairs: false, Imei: true, NewImei: false, OldSim: false),
        new(TicketSubject.TransferWarning, ImeiPairs: false, Imei: true, NewImei: false, OldSim: false),
        new(TicketSubject.PreviousOwnerUnreachable, ImeiPairs: false, Imei: true, NewImei: false, OldSim: false, Documents: true),
        new(TicketSubject.ActivationCodeProblem, ImeiPairs: false, Imei: true, NewImei: false, OldSim: false, Documents: true),
        new(TicketSubject.RepairImeiChanged, ImeiPairs: false, Imei: true, NewImei: true, OldSim: false, Documents: true),
        new(TicketSubject.ExpiredSimDevices, ImeiPairs: false, Imei: true, NewImei: false, OldSim: true),
        new(TicketSubject.TravellerRegistration, ImeiPairs: false, Imei: true, NewImei: false, OldSim: false, Documents: true),
        new(TicketSubject.Other, ImeiPairs: false, Imei: false, NewImei: false, OldSim: false),
    ];

    public static SubjectForm? Find(TicketSubject? subject) => All.FirstOrDefault(form => form.Subject == subject);
}
