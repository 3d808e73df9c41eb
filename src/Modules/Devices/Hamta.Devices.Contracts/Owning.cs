namespace Hamta.Devices.Contracts;

/// <summary>
/// «فعال سازی تلفن همراه»: a SIM of the signed-in national ID takes ownership with a one-time code. The new owner (and,
/// after a transfer, the seller) gets an SMS unless <see cref="Notify"/> is false, as for devices loaded as demo data.
/// </summary>
public sealed record ActivateDevice(string Imei, string Sim, string NationalId, string Code, bool Notify = true);

public enum ActivationOutcome
{
    Activated,
    Transferred,
    UnknownImei,
    NoActiveCode,
    WrongCode,
    CoolingDown,
    DeviceCoolingDown,
    Blocked,
    LostOrStolen,
    AlreadyOwned,
    CustomsFeeNotPaid,
    TransferCancelled,
    TransferExpired,

    /// <summary>The code is not six digits starting with a non-zero one; nothing was looked at or counted.</summary>
    MalformedCode,
}

public sealed record ActivationResult(ActivationOutcome Outcome, int RetryAfterMinutes = 0);

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

/// <summary>«ثبت گوشی تعمیراتی»: a repair changed one of an owned device's IMEIs.</summary>
public sealed record RegisterRepair(string OldImei, string NewImei, string OwnerSim, string OwnerNationalId);

public enum RepairOutcome
{
    Replaced,
    NotYourDevice,
    DifferentModel,
    SameImei,
    NewImeiTaken,
    NewImeiOnSameDevice,
    Blocked,
}

public sealed record RepairResult(RepairOutcome Outcome);

/// <summary>
/// A ticket proved with network evidence that the device's real IMEI is <see cref="CorrectImei"/>, not
/// <see cref="WrongImei"/>. Answered with <see cref="ImeiCorrectionResult"/>; sending it twice corrects once.
/// </summary>
public sealed record CorrectImeiFromTicket(Guid DeviceId, string WrongImei, string CorrectImei, long TicketNumber, string OwnerNationalId, string Cause);

public enum ImeiCorrectionOutcome
{
    Corrected,
    UnknownDevice,
    OwnerChanged,
    WrongImeiGone,
    CorrectImeiTaken,
}

public sealed record ImeiCorrectionResult(long TicketNumber, ImeiCorrectionOutcome Outcome);

/// <summary>An authority blocks a device (stolen, counterfeit); a blocked device cannot be activated, transferred or repaired.</summary>
public sealed record BlockDevice(string Imei, string Reason, string By)
{
    /// <summary>The longest reason for a block or its lifting, in characters.</summary>
    public const int MaxReasonLength = 500;
}

/// <summary>Lifts a block, with the reason it no longer holds.</summary>
public sealed record UnblockDevice(string Imei, string Reason, string By);

/// <summary>Customs reports that a traveller paid the fee: the activation code goes by SMS to the SIM named at customs.</summary>
public sealed record RecordTravellerFeePayment(string Imei);

public enum DeviceChangeOutcome
{
    Done,
    UnknownImei,
    NothingToChange,
    ReasonRequired,
    ReasonTooLong,
}

public sealed record DeviceChangeResult(DeviceChangeOutcome Outcome);

/// <summary>
/// A device's IMEIs or its owner changed (activation, transfer, a ticket's correction, a repair): published with the
/// change, so that enforcement lifts at once what no longer holds for these IMEIs.
/// </summary>
public sealed record DeviceRegistrationChanged(Guid DeviceId, IReadOnlyList<string> Imeis, string Cause, DateTimeOffset At);
