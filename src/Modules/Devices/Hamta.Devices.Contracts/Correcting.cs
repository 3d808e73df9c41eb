namespace Hamta.Devices.Contracts;

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
