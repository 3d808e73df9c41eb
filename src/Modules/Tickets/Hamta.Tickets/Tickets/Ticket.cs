using Hamta.Tickets.Contracts;

namespace Hamta.Tickets.Tickets;

/// <summary>A support ticket as its events made it: its state, its conversation and its timeline.</summary>
public sealed record Ticket(
    Guid Id,
    long Number,
    TicketSubject Subject,
    TicketStatus Status,
    string SubscriberSim,
    string SubscriberNationalId,
    TicketDevice? Device,
    Guid? DeviceId,
    string? DeviceImei,
    IReadOnlyList<string> CorrectImeis,
    IReadOnlyDictionary<string, string> Fields,
    string Description,
    string? AssignedAgent,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<TicketEntry> Timeline,
    IReadOnlyList<string>? ImeisSeenOnNetwork = null,
    bool CorrectionRequested = false,
    DateTimeOffset? InformationRequestedAt = null,
    bool Reminded = false,
    bool CorrectionPending = false,
    TicketActor? CorrectionRequestedBy = null,
    string? CorrectionMessage = null,
    DateTimeOffset? CorrectionAskedAt = null,
    DateTimeOffset? SettledAt = null,
    TicketStatus? SettledAs = null,
    bool ResolvedAutomatically = false)
{
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    /// <summary>Every IMEI the ticket names (registered, correct, or typed in its fields), for the agents' search.</summary>
    public IReadOnlyList<string> Imeis =>
        [.. Device?.RegisteredImeis ?? [], .. CorrectImeis, .. Fields.Where(f => f.Key is TicketFields.Imei or TicketFields.NewImei).Select(f => f.Value)];

    /// <summary>Waiting for evidence and not yet handed to the registry or an agent: the automatic steps may act.</summary>
    public bool AwaitsEvidence => Status == TicketStatus.AwaitingNetworkEvidence && !CorrectionRequested;

    public IReadOnlyList<string> MissingEvidence => CorrectImeis.Except(ImeisSeenOnNetwork ?? []).ToList();

    public bool IsOpen => Status.IsOpen();

    /// <summary>A resolved ticket may be reopened by its subscriber within <see cref="ReopenWindow"/> of its resolution.</summary>
    public bool ReopenableAt(DateTimeOffset now) => Status == TicketStatus.Resolved && now - ResolvedAt <= ReopenWindow;

    /// <summary>
    /// An IMEI-mismatch ticket whose device is registered with a second IMEI other than the correct one: resolving
    /// it means correcting that IMEI in the registry.
    /// </summary>
    public bool NeedsImeiCorrection =>
        Subject == TicketSubject.ImeiMismatch && Device is { RegisteredImeis.Count: 2 } device && CorrectImeis.Count == 2
        && device.RegisteredImeis[1] != CorrectImeis[1];

    public static Ticket Create(TicketOpened e)
    {
        var opened = new TicketEntry(e.OpenedAt, TicketEntryKind.Opened, new TicketActor(TicketActorKind.Subscriber, e.SubscriberSim), e.Description, e.Attachments);
        IReadOnlyList<TicketEntry> timeline = e.Status == TicketStatus.AwaitingNetworkEvidence
            ? [opened, new TicketEntry(e.OpenedAt, TicketEntryKind.AwaitingNetworkEvidence, new TicketActor(TicketActorKind.System, "opening"), null)]
            : [opened];
        return new Ticket(
            e.TicketId, e.Number, e.Subject, e.Status, e.SubscriberSim, e.SubscriberNationalId, e.Device, e.Device?.DeviceId,
            e.Device is { RegisteredImeis.Count: > 0 } device ? device.RegisteredImeis[0] : e.Fields.GetValueOrDefault(TicketFields.Imei), e.CorrectImeis, e.Fields, e.Description,
            AssignedAgent: null, e.OpenedAt, ResolvedAt: null, timeline);
    }

    public Ticket Apply(TicketAssigned e) =>
        Record(TicketEntryKind.Assigned, e.Actor, null, e.At, InReviewUnlessSettled) with { AssignedAgent = e.Actor.Name };

    public Ticket Apply(AgentReplied e) => Record(TicketEntryKind.AgentReply, e.Actor, e.Text, e.At, InReviewUnlessSettled);

    public Ticket Apply(InternalNoteAdded e) => Record(TicketEntryKind.InternalNote, e.Actor, e.Text, e.At, Status);

    public Ticket Apply(InformationRequested e) =>
        Record(TicketEntryKind.InformationRequested, e.Actor, e.Text, e.At, TicketStatus.AwaitingSubscriber) with { InformationRequestedAt = e.At, Reminded = false };

    public Ticket Apply(SubscriberReplied e) =>
        this with { Status = TicketStatus.InReview, Timeline = [.. Timeline, new TicketEntry(e.At, TicketEntryKind.SubscriberReply, e.Actor, e.Text, e.Attachments)] };

    public Ticket Apply(TicketResolved e) =>
        Record(TicketEntryKind.Resolved, e.Actor, e.Message, e.At, TicketStatus.Resolved) with { ResolvedAt = e.At, CorrectionPending = false };

    public Ticket Apply(TicketRejected e) => Record(TicketEntryKind.Rejected, e.Actor, e.Reason, e.At, TicketStatus.Rejected);

    public Ticket Apply(TicketClosed e) => Record(TicketEntryKind.Closed, e.Actor, null, e.At, TicketStatus.Closed);

    public Ticket Apply(TicketReopened e) => Record(TicketEntryKind.Reopened, e.Actor, null, e.At, TicketStatus.InReview) with { ResolvedAt = null };

    public Ticket Apply(NetworkEvidenceRecorded e) =>
        Record(TicketEntryKind.NetworkEvidence, e.Actor, e.Imei, e.At, Status) with { ImeisSeenOnNetwork = [.. ImeisSeenOnNetwork ?? [], e.Imei] };

    public Ticket Apply(ImeiCorrectionRequested e) =>
        Record(TicketEntryKind.CorrectionRequested, e.Actor, e.CorrectImei, e.At, Status) with
        {
            CorrectionRequested = true,
            CorrectionPending = true,
            CorrectionRequestedBy = e.Actor.Kind == TicketActorKind.Agent ? e.Actor : null,
            CorrectionMessage = e.Message,
            CorrectionAskedAt = e.At,
        };

    public Ticket Apply(ImeiCorrectionAskedAgain e) => this with { CorrectionAskedAt = e.At };

    public Ticket Apply(ImeiCorrectionRefused e) =>
        Record(TicketEntryKind.HandedToAgent, e.Actor, e.Reason, e.At, TicketStatus.InReview) with
        {
            CorrectionPending = false,
            CorrectionRequestedBy = null,
            CorrectionMessage = null,
        };

    public Ticket Apply(TicketHandedToAgent e) => Record(TicketEntryKind.HandedToAgent, e.Actor, e.Reason, e.At, TicketStatus.InReview) with { CorrectionPending = false };

    public Ticket Apply(SubscriberReminded e) => Record(TicketEntryKind.Reminded, e.Actor, null, e.At, Status) with { Reminded = true };

    private TicketStatus InReviewUnlessSettled => IsOpen ? TicketStatus.InReview : Status;

    /// <summary>
    /// The entry, and the ticket's first settlement (resolved, rejected or closed while open): when, how, and whether the
    /// system resolved it by itself. A reopened ticket keeps its first settlement, as the statistics counted it.
    /// </summary>
    private Ticket Record(TicketEntryKind kind, TicketActor actor, string? text, DateTimeOffset at, TicketStatus status)
    {
        var recorded = this with { Status = status, Timeline = [.. Timeline, new TicketEntry(at, kind, actor, text)] };
        return SettledAt is null && IsOpen && !recorded.IsOpen
            ? recorded with { SettledAt = at, SettledAs = status, ResolvedAutomatically = status == TicketStatus.Resolved && actor.Kind == TicketActorKind.System }
            : recorded;
    }
}
