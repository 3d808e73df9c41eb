namespace Hamta.Tickets.Contracts;

/// <summary>What a ticket accepts and when it counts as open, for the module's checks and the forms' hints alike.</summary>
public static class TicketLimits
{
    /// <summary>The longest description of a ticket, or text of one action on it, in characters.</summary>
    public const int MaxText = 2000;

    /// <summary>A ticket is open until it is resolved, rejected or closed.</summary>
    public static bool IsOpen(this TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Rejected or TicketStatus.Closed);
}
