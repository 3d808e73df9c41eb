namespace Hamta.Kernel.Security;

/// <summary>
/// How many wrong secrets one key (an account, a SIM) may send before it is locked, and for how long.
/// Each further lock lasts twice the one before, up to <see cref="LongestLockMinutes"/>.
/// </summary>
public sealed class LockoutPolicy
{
    public int MaxFailures { get; set; } = 5;

    public int FirstLockMinutes { get; set; } = 15;

    public int LongestLockMinutes { get; set; } = 24 * 60;

    /// <summary>The length of the <paramref name="lockNumber"/>th lock in a row (1 for the first).</summary>
    public TimeSpan LockFor(int lockNumber)
    {
        var doublings = Math.Min(Math.Max(lockNumber - 1, 0), 30);
        var minutes = Math.Min((long)FirstLockMinutes << doublings, LongestLockMinutes);
        return TimeSpan.FromMinutes(minutes);
    }
}

/// <summary>The lockouts of <c>Hamta:Lockouts</c>; the defaults hold when nothing is configured.</summary>
public sealed class LockoutSettings
{
    public const string Section = "Hamta:Lockouts";

    public LockoutPolicy StaffLogin { get; set; } = new() { MaxFailures = 5, FirstLockMinutes = 5, LongestLockMinutes = 4 * 60 };

    public LockoutPolicy KartablePassword { get; set; } = new() { MaxFailures = 5, FirstLockMinutes = 15, LongestLockMinutes = 24 * 60 };

    public LockoutPolicy ActivationPerSim { get; set; } = new() { MaxFailures = 5, FirstLockMinutes = 15, LongestLockMinutes = 24 * 60 };

    /// <summary>Wrong activation codes a device takes in an hour from all SIMs together before it refuses every SIM.</summary>
    public int ActivationWrongCodesPerDevicePerHour { get; set; } = 50;
}

/// <summary>
/// Wrong tries of one key since its last success or lock, how many locks came in a row, and until when the
/// current one lasts. Only a success starts the back-off again.
/// </summary>
public sealed record Lockout(int Failures = 0, int Locks = 0, DateTimeOffset? LockedUntil = null)
{
    public static readonly Lockout None = new();

    /// <summary>How long the key stays locked; zero when it may try.</summary>
    public TimeSpan LeftAt(DateTimeOffset now) => LockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;

    /// <summary>When the lock that this wrong try starts ends; null when the try only counts.</summary>
    public DateTimeOffset? LockAfterFailure(LockoutPolicy policy, DateTimeOffset now) =>
        Failures + 1 >= policy.MaxFailures ? now + policy.LockFor(Locks + 1) : null;

    /// <summary>The state after a wrong try that started the lock <paramref name="lockedUntil"/>, or none.</summary>
    public Lockout WithFailure(DateTimeOffset? lockedUntil) =>
        lockedUntil is { } until ? new Lockout(0, Locks + 1, until) : this with { Failures = Failures + 1 };

    public Lockout Failed(LockoutPolicy policy, DateTimeOffset now) => WithFailure(LockAfterFailure(policy, now));

    /// <summary>Whole minutes to wait, rounded up, for a person-readable refusal.</summary>
    public static int MinutesOf(TimeSpan left) => (int)Math.Ceiling(left.TotalMinutes);
}
