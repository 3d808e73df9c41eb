namespace Hamta.Sim.Contracts;

/// <summary>A subscriber asks for a one-time login code to be sent to their SIM.</summary>
public sealed record RequestLoginCode(string Mobile);

public sealed record LoginCodeRequestResult(LoginCodeRequestOutcome Outcome, int RetryAfterSeconds = 0);

public enum LoginCodeRequestOutcome
{
    Sent,
    CooldownActive,
    TooManyRequests,
}

/// <summary>A subscriber types the code they received.</summary>
public sealed record VerifyLoginCode(string Mobile, string Code);

public sealed record LoginVerificationResult(LoginVerificationOutcome Outcome, KartableSubscriber? Subscriber = null, int TriesLeft = 0);

public enum LoginVerificationOutcome
{
    SignedIn,
    NoActiveCode,
    Expired,
    WrongCode,
    LockedOut,
}

/// <summary>Who is behind a kartable: the signed-in SIM and the national ID that owns it.</summary>
public sealed record KartableSubscriber(string Mobile, string NationalId, string HolderName);
