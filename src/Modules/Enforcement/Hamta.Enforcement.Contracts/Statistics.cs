namespace Hamta.Enforcement.Contracts;

/// <summary>Counts again the enforcement changes of the last <see cref="Days"/> calendar days in Tehran (today included), per condition (a recurring job).</summary>
public sealed record CountEnforcementChanges(int Days = 2)
{
    public const int MaxDays = 400;
}

/// <summary>The warnings, blocks and lifts per condition and day, for the days <see cref="From"/> to <see cref="To"/> (Tehran days, both included).</summary>
public sealed record FindEnforcementCounts(DateOnly From, DateOnly To);

/// <summary>How many IMEIs a condition warned (met), blocked and lifted on a day (by the time of the change, in Tehran).</summary>
public sealed record ConditionDayCount(DateOnly Day, string Condition, long Warned, long Blocked, long Lifted);

public sealed record EnforcementCounts(IReadOnlyList<ConditionDayCount> Days, DateTimeOffset? CountedAt)
{
    public IReadOnlyList<string> Conditions => Days.Select(d => d.Condition).Distinct().Order(StringComparer.Ordinal).ToList();
}
