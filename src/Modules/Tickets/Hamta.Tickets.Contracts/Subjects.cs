namespace Hamta.Tickets.Contracts;

/// <summary>The problems a subscriber can file; only the IMEI mismatch is resolved by the system itself.</summary>
public enum TicketSubject
{
    ImeiMismatch,
    IllegalDeviceWarning,
    TransferWarning,
    PreviousOwnerUnreachable,
    ActivationCodeProblem,
    RepairImeiChanged,
    ExpiredSimDevices,
    TravellerRegistration,
    Other,
}

public enum TicketStatus
{
    Submitted,
    AwaitingNetworkEvidence,
    InReview,
    AwaitingSubscriber,
    Resolved,
    Rejected,
    Closed,
}
