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
    DateTimeOffset OpenedAt);

public sealed record TicketAssigned(Guid TicketId, TicketActor Actor, DateTimeOffset At);

public sealed record AgentReplied(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At);

public sealed record InternalNoteAdded(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At);

public sealed record InformationRequested(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At);

public sealed record SubscriberReplied(Guid TicketId, TicketActor Actor, string Text, DateTimeOffset At);

public sealed record TicketResolved(Guid TicketId, TicketActor Actor, string Message, DateTimeOffset At);

public sealed record TicketRejected(Guid TicketId, TicketActor Actor, string Reason, DateTimeOffset At);

public sealed record TicketClosed(Guid TicketId, TicketActor Actor, DateTimeOffset At);

public sealed record TicketReopened(Guid TicketId, TicketActor Actor, DateTimeOffset At);
