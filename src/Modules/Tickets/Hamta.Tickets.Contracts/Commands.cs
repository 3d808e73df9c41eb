namespace Hamta.Tickets.Contracts;

/// <summary>The device a ticket is about, as the registry knows it when the ticket is filed.</summary>
public sealed record TicketDevice(Guid DeviceId, IReadOnlyList<string> RegisteredImeis, string Model);

/// <summary>
/// A subscriber files a ticket. The portal has already read the fields and, for the IMEI mismatch, asked the registry
/// whether the correction may be claimed (<c>CheckImeiCorrectionClaim</c>); the Tickets module checks its own.
/// <see cref="FormKey"/>, the one-time key of the form it came from, becomes the ticket's id: the same
/// form posted again gives the same ticket.
/// </summary>
public sealed record OpenTicket(
    TicketSubject Subject,
    string SubscriberSim,
    string SubscriberNationalId,
    TicketDevice? Device,
    IReadOnlyList<string> CorrectImeis,
    IReadOnlyDictionary<string, string> Fields,
    string Description,
    Guid? FormKey = null,
    IReadOnlyList<AttachmentUpload>? Attachments = null);

public enum OpenTicketOutcome
{
    Opened,
    DuplicateOpenTicket,
    AttachmentsRefused,
    DescriptionRequired,
    DescriptionTooLong,
}

public sealed record OpenTicketResult(OpenTicketOutcome Outcome, long Number, AttachmentRefusal? Refusal = null);

/// <summary>Who acts on a ticket: the subscriber, an agent (by username) or the system (with what triggered it).</summary>
public sealed record TicketActor(TicketActorKind Kind, string Name);

public enum TicketActorKind
{
    Subscriber,
    Agent,
    System,
}

public enum TicketAction
{
    Assign,
    Reply,
    InternalNote,
    RequestInformation,
    Resolve,
    Reject,
    SubscriberReply,
    Close,
    Reopen,
}

/// <summary>
/// One action on a ticket. <see cref="ExpectedVersion"/> is the version the actor saw: when the ticket
/// changed meanwhile, nothing is written and the actor is told so. Only a subscriber's answer carries attachments.
/// </summary>
public sealed record ActOnTicket(
    long Number, TicketAction Action, TicketActor Actor, string? Text, long ExpectedVersion, string? SubscriberNationalId = null,
    IReadOnlyList<AttachmentUpload>? Attachments = null);

public enum TicketActionOutcome
{
    Done,
    NotFound,
    ChangedMeanwhile,
    NotAllowed,
    TextRequired,
    TextTooLong,
    ReopenWindowPassed,

    /// <summary>
    /// An agent resolved an IMEI-mismatch ticket: the registry was asked to correct the second IMEI with the
    /// automatic path's rules; the ticket is resolved when it has, or stays with the agent with the reason.
    /// </summary>
    CorrectionRequested,

    /// <summary>The attached files were refused (<see cref="TicketActionResult.Refusal"/>); nothing was written.</summary>
    AttachmentsRefused,
}

public sealed record TicketActionResult(TicketActionOutcome Outcome, AttachmentRefusal? Refusal = null);

/// <summary>An agent takes several tickets from the queue at once; tickets settled or theirs already are passed over.</summary>
public sealed record AssignTickets(IReadOnlyList<long> Numbers, TicketActor Agent);

public sealed record TicketsAssigned(IReadOnlyList<long> Numbers);

/// <summary>
/// The recurring check of tickets waiting for network evidence: asks for the evidence of every one
/// of them, in batches, and rejects those that waited longer than <see cref="EvidenceWindow"/>. One
/// message is one batch, the waiting tickets numbered after <see cref="After"/>; it sends on the next.
/// </summary>
public sealed record SweepAwaitingTickets(TimeSpan EvidenceWindow, int BatchSize = 1000, long After = 0);

/// <summary>Asks the registry again for every IMEI correction that got no answer within <see cref="Patience"/>.</summary>
public sealed record RequestStrandedCorrections(TimeSpan Patience);

/// <summary>Closes resolved tickets nobody reopened within the reopening window.</summary>
public sealed record CloseSettledTickets;

/// <summary>Reminds subscribers who did not answer a request for information, and closes the ticket after <see cref="CloseAfter"/>.</summary>
public sealed record RemindUnansweredTickets(TimeSpan RemindAfter, TimeSpan CloseAfter);
