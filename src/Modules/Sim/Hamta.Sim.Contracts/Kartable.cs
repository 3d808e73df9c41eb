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

public enum KartablePasswordVerdict
{
    Matches,
    NotSet,
    Wrong,

    /// <summary>Wrong passwords locked the SIM (this one may have); even the right password does not match until the lock ends.</summary>
    Locked,
}

/// <summary><see cref="LockedMinutes"/> says how long a <see cref="KartablePasswordVerdict.Locked"/> SIM stays locked.</summary>
public sealed record KartablePasswordCheck(KartablePasswordVerdict Verdict, int LockedMinutes = 0);

/// <summary>Whether the SIM has a kartable password; answered with a bool and counts no try.</summary>
public sealed record HasKartablePassword(string Sim);
