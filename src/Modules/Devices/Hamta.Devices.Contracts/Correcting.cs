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
