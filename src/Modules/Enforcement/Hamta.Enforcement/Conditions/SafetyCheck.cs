namespace Hamta.Enforcement.Conditions;

/// <summary>How many IMEIs one condition matched in a run, against its share of the window's IMEIs.</summary>
public sealed record ConditionCount(string Condition, long Matched, double Share, double MaxRatio)
{
    public bool TooMany => Share > MaxRatio;
}

/// <summary>
/// The safety cap (as at DIRBS): a condition matching more than its share of all IMEIs seen in the window means an
/// empty registration list or a broken feed, not a national epidemic; the run then applies nothing.
/// </summary>
public static class SafetyCheck
{
    public static IReadOnlyList<ConditionCount> Decide(IReadOnlyList<ConditionSettings> conditions, IReadOnlyDictionary<string, long> matched, long imeisSeen) =>
        conditions.Select(c =>
        {
            var count = matched.GetValueOrDefault(c.Label);
            return new ConditionCount(c.Label, count, imeisSeen == 0 ? 0 : (double)count / imeisSeen, c.MaxRatio);
        }).ToList();

    public static bool Stops(IReadOnlyList<ConditionCount> counts) => counts.Any(c => c.TooMany);
}
