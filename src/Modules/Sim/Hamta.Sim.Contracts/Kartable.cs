namespace Hamta.Sim.Contracts;

/// <summary>Sets or changes the kartable password of a SIM (needed to start an ownership transfer).</summary>
public sealed record SetKartablePassword(string Sim, string? CurrentPassword, string NewPassword);

public enum KartablePasswordOutcome
{
    Set,
    WrongCurrentPassword,
    TooShort,
    Locked,
}

/// <summary><see cref="LockedMinutes"/> is set when wrong passwords locked the SIM (<see cref="KartablePasswordOutcome.Locked"/>).</summary>
public sealed record KartablePasswordResult(KartablePasswordOutcome Outcome, int LockedMinutes = 0);

/// <summary>
/// Checks a SIM's kartable password; wrong ones count towards a lock of the SIM (<c>Hamta:Lockouts:KartablePassword</c>).
/// Answered with <see cref="KartablePasswordCheck"/>.
/// </summary>
public sealed record VerifyKartablePassword(string Sim, string Password);

/// <summary><see cref="LockedMinutes"/> is above zero while the SIM is locked; then even the right password does not match.</summary>
public sealed record KartablePasswordCheck(bool IsSet, bool Matches, int LockedMinutes = 0);

/// <summary>Whether the SIM has a kartable password; answered with a bool and counts no try.</summary>
public sealed record HasKartablePassword(string Sim);
