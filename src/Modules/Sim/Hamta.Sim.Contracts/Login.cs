namespace Hamta.Sim.Contracts;

/// <summary>A subscriber asks for a one-time login code to be sent to their SIM.</summary>
public sealed record RequestLoginCode(string Mobile);

/// <summary><see cref="RetryAfterSeconds"/>: how long until a new code can be sent to the number.</summary>
public sealed record LoginCodeRequestResult(LoginCodeRequestOutcome Outcome, int RetryAfterSeconds = 0);

public enum LoginCodeRequestOutcome
{
    Sent,

    /// <summary>No new code: the last one went less than a minute ago and still works.</summary>
    CooldownActive,

    /// <summary>No new code: the number had its codes for the hour.</summary>
    TooManyRequests,
}

/// <summary>What a number's login code is now, told alike for every well-formed number, registered or not.</summary>
public sealed record GetLoginCodeStatus(string Mobile);

/// <summary>
/// <see cref="ValidUntil"/> is null when no code can sign in; <see cref="NextCodeAt"/> is when a new code can be
/// sent (now or earlier: at once); <see cref="CapReached"/> when that waits for the hourly cap.
/// </summary>
public sealed record LoginCodeStatus(DateTimeOffset? LastSentAt, DateTimeOffset? ValidUntil, DateTimeOffset NextCodeAt, bool CapReached);

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
