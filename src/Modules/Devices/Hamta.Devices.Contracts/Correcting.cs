namespace Hamta.Devices.Contracts;

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

/// <summary>
/// Before an IMEI-mismatch ticket is filed: is the registered pair one of the national ID's devices, and may the correct
/// pair replace it? Only the second IMEI can be corrected, to one no other device holds. Answered with
/// <see cref="ImeiCorrectionClaimCheck"/>; it changes nothing.
/// </summary>
public sealed record CheckImeiCorrectionClaim(string NationalId, IReadOnlyList<string> RegisteredImeis, IReadOnlyList<string> CorrectImeis);

public enum ImeiCorrectionClaimOutcome
{
    Acceptable,
    NotYourDevice,
    NoDifference,
    FirstMustMatch,
    CorrectImeiTaken,
}

/// <summary>The outcome, with the device the registered pair names when it is the national ID's.</summary>
public sealed record ImeiCorrectionClaimCheck(ImeiCorrectionClaimOutcome Outcome, DeviceSummary? Device = null);
