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
