namespace Hamta.Tickets.Contracts;

public sealed record TicketRow(long Number, TicketSubject Subject, string? DeviceImei, DateTimeOffset OpenedAt, TicketStatus Status);

/// <summary>
/// A page of a subscriber's tickets, newest first, by keyset: <see cref="Before"/> a ticket number for
/// the next page, <see cref="After"/> one for the previous page.
/// </summary>
public sealed record FindMyTickets(string NationalId, int PageSize, long? Before = null, long? After = null);

public sealed record TicketPage(IReadOnlyList<TicketRow> Rows, int FirstRowNumber, bool HasNewer, bool HasOlder);

public sealed record TicketEntry(DateTimeOffset At, TicketEntryKind Kind, TicketActor Actor, string? Text, IReadOnlyList<AttachmentInfo>? Attachments = null);

public enum TicketEntryKind
{
    Opened,
    AwaitingNetworkEvidence,
    Assigned,
    AgentReply,
    InternalNote,
    InformationRequested,
    SubscriberReply,
    Resolved,
    Rejected,
    Closed,
    Reopened,
    NetworkEvidence,
    CorrectionRequested,
    HandedToAgent,
    Reminded,
}

/// <summary>A ticket as the portal shows it; <see cref="ReopenableNow"/> says whether its subscriber may reopen it at the time it was read.</summary>
public sealed record TicketDetails(
    Guid Id,
    long Number,
    long Version,
    TicketSubject Subject,
    TicketStatus Status,
    string SubscriberSim,
    string SubscriberNationalId,
    TicketDevice? Device,
    IReadOnlyList<string> CorrectImeis,
    IReadOnlyDictionary<string, string> Fields,
    string Description,
    string? AssignedAgent,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<TicketEntry> Timeline,
    IReadOnlyList<string> ImeisSeenOnNetwork,
    bool ReopenableNow)
{
    public bool IsOpen => Status.IsOpen();
}

/// <summary>One ticket; for a subscriber, only when it is theirs (<see cref="NationalId"/>); staff pass null.</summary>
public sealed record GetTicket(long Number, string? NationalId);

/// <summary>The agents' queue, newest first, filtered (by status, subject, days, the agent it is assigned to) and searched, paged by offset.</summary>
public sealed record FindTicketsForAgents(
    TicketStatus? Status, TicketSubject? Subject, DateTimeOffset? From, DateTimeOffset? To, string? Search, int Page, int PageSize, string? AssignedTo = null);

public sealed record AgentTicketRow(long Number, TicketSubject Subject, string? DeviceImei, string SubscriberSim, DateTimeOffset OpenedAt, TicketStatus Status, string? AssignedAgent);

public sealed record AgentTicketPage(IReadOnlyList<AgentTicketRow> Rows, int Total);
