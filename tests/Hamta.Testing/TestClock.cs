namespace Hamta.Testing;

/// <summary>The host's clock in tests: it stands still until a test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private DateTimeOffset now = Start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void Reset() => now = Start;
}
