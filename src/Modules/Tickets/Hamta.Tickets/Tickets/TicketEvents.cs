using Hamta.Tickets.Contracts;

namespace Hamta.Tickets.Tickets;

public sealed record TicketOpened(
    Guid TicketId,
    long Number,
    TicketSubject Subject,
    string SubscriberSim,
    string SubscriberNationalId,
    TicketDevice? Device,
    IReadOnlyList<string> CorrectImeis,
    IReadOnlyDictionary<string, string> Fields,
    string Description,
    TicketStatus Status,
    DateTimeOffset OpenedAt,
    IReadOnlyList<AttachmentInfo>? Attachments = null);

public sealed record TicketAssigned(Guid TicketId, TicketActor Actor, DateTimeOffset At);

public sealed record AgentReplied(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At);

public sealed record InternalNoteAdded(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At);

public sealed record InformationRequested(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At);

public sealed record SubscriberReplied(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At, IReadOnlyList<AttachmentInfo>? Attachments = null);

public sealed record TicketResolved(Guid TicketId, TicketActor Actor, string Message, DateTimeOffset At);

public sealed record TicketRejected(Guid TicketId, TicketActor Actor, string Reason, DateTimeOffset At);

public sealed record TicketClosed(Guid TicketId, TicketActor Actor, DateTimeOffset At);

public sealed record TicketReopened(Guid TicketId, TicketActor Actor, DateTimeOffset At);

/// <summary>The network saw one of the ticket's correct IMEIs with the subscriber's SIM or a SIM of their national ID.</summary>
public sealed record NetworkEvidenceRecorded(Guid TicketId, string Imei, string Msisdn, DateTimeOffset ObservedAt, TicketActor Actor, DateTimeOffset At);

/// <summary>
/// The registry was asked to correct the second IMEI: by the system when the evidence is complete, or by an
/// agent resolving the ticket, whose <see cref="Message"/> becomes the resolution once the registry has corrected it.
/// </summary>
public sealed record ImeiCorrectionRequested(Guid TicketId, string WrongImei, string CorrectImei, TicketActor Actor, DateTimeOffset At, string? Message = null);

/// <summary>The registry gave no answer to the correction within the patience: the same correction was asked again.</summary>
public sealed record ImeiCorrectionAskedAgain(Guid TicketId, TicketActor Actor, DateTimeOffset At);

/// <summary>The registry refused the correction (the owner changed, the IMEI is taken, …): an agent decides from here.</summary>
public sealed record ImeiCorrectionRefused(Guid TicketId, string Reason, TicketActor Actor, DateTimeOffset At);

/// <summary>The system could not finish the ticket by itself; an agent takes it from here.</summary>
public sealed record TicketHandedToAgent(Guid TicketId, TicketActor Actor, string Reason, DateTimeOffset At);

public sealed record SubscriberReminded(Guid TicketId, TicketActor Actor, DateTimeOffset At);
