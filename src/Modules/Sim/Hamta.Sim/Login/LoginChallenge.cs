namespace Hamta.Sim.Login;

/// <summary>
/// The one-time code currently issued to a mobile number. A short-lived document, not an event
/// stream: a secret has no place in an append-only history (ADR 0006).
/// </summary>
public sealed record LoginChallenge(
    string Id,
    string CodeHash,
    DateTimeOffset IssuedAt,
    int FailedAttempts,
    DateTimeOffset WindowStartedAt,
    int CodesInWindow)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan ResendCooldown = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan RequestWindow = TimeSpan.FromHours(1);
    public const int MaxCodesPerWindow = 5;
    public const int MaxAttempts = 5;

    public bool IsExpired(DateTimeOffset now) => now >= IssuedAt + Lifetime;

    public bool IsLockedOut => FailedAttempts >= MaxAttempts;

    public int TriesLeft => Math.Max(0, MaxAttempts - FailedAttempts);

    public TimeSpan CooldownLeft(DateTimeOffset now) => IssuedAt + ResendCooldown - now;

    public static LoginChallenge Issue(string mobile, string codeHash, LoginChallenge? previous, DateTimeOffset now)
    {
        var windowOpen = previous is not null && now < previous.WindowStartedAt + RequestWindow;
        return new LoginChallenge(
            mobile,
            codeHash,
            now,
            FailedAttempts: 0,
            WindowStartedAt: windowOpen ? previous!.WindowStartedAt : now,
            CodesInWindow: windowOpen ? previous!.CodesInWindow + 1 : 1);
    }

    public bool WindowExhausted(DateTimeOffset now) => now < WindowStartedAt + RequestWindow && CodesInWindow >= MaxCodesPerWindow;

    /// <summary>
    /// When a new code can be sent: after the cooldown, and after the hour's window when its codes are used up. At or
    /// before <paramref name="now"/> when one can be sent now.
    /// </summary>
    public DateTimeOffset NextCodeAt(DateTimeOffset now)
    {
        var afterCooldown = IssuedAt + ResendCooldown;
        var afterWindow = WindowStartedAt + RequestWindow;
        return WindowExhausted(now) && afterWindow > afterCooldown ? afterWindow : afterCooldown;
    }

    /// <summary>Until when the code sent last can still sign in; null once it is used, expired or voided by wrong tries.</summary>
    public DateTimeOffset? ValidUntil(DateTimeOffset now) =>
        CodeHash.Length == 0 || IsLockedOut || IsExpired(now) ? null : IssuedAt + Lifetime;

    public LoginChallenge WithFailedAttempt() => this with { FailedAttempts = FailedAttempts + 1 };

    /// <summary>Used once: the hash is cleared so the same code can never sign in again.</summary>
    public LoginChallenge Consumed() => this with { CodeHash = string.Empty };
}
