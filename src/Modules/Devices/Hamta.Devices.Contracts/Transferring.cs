namespace Hamta.Devices.Contracts;

/// <summary>
/// The owner starts handing a device over; the buyer activates with the code this returns before it expires. A code
/// asked for again replaces the pending one. <see cref="BuyerSim"/>, when given, is told by SMS.
/// </summary>
public sealed record StartTransfer(string Imei, string OwnerSim, string OwnerNationalId, string? BuyerSim = null);

public enum TransferOutcome
{
    Started,
    NotYourDevice,
    Blocked,
    LostOrStolen,
}

public sealed record TransferStartResult(TransferOutcome Outcome, string? Code = null, DateTimeOffset? ExpiresAt = null);

/// <summary>The owner cancels a pending transfer: its code stops working at once. Sent twice, it cancels once.</summary>
public sealed record CancelTransfer(Guid DeviceId, Guid TransferId, string OwnerSim, string OwnerNationalId);

public enum TransferCancelOutcome
{
    Cancelled,
    AlreadyCompleted,
    AlreadyExpired,
    NotFound,
}

public sealed record TransferCancelResult(TransferCancelOutcome Outcome);
