namespace Hamta.Sim.Contracts;

/// <summary>Sets or changes the kartable password of a SIM (needed to start an ownership transfer).</summary>
public sealed record SetKartablePassword(string Sim, string? CurrentPassword, string NewPassword);

public enum KartablePasswordOutcome
{
    Set,
    WrongCurrentPassword,
    TooShort,
}

public sealed record KartablePasswordResult(KartablePasswordOutcome Outcome);

public sealed record VerifyKartablePassword(string Sim, string Password);

public sealed record KartablePasswordCheck(bool IsSet, bool Matches);
