namespace Hamta.Enforcement.States;

/// <summary>One change of an IMEI's enforcement state, as <c>enforcement.changes</c> keeps it (ADR 23).</summary>
public sealed record ImeiChange(string Condition, string Change, string Cause, DateTimeOffset At, Guid? RunId, DateTimeOffset? Deadline);

/// <summary>A condition an IMEI meets, as its changes up to a moment say.</summary>
public sealed record ImeiConditionState(string Condition, DateTimeOffset MetAt, DateTimeOffset? Deadline, DateTimeOffset? RemindedAt, DateTimeOffset? BlockedAt);

/// <summary>
/// An IMEI's enforcement stream folded into its state: a condition is met from its first change after its last lift
/// (<c>met</c> with a deadline, or <c>blocked</c> at once), reminded and blocked by the changes that say so, and gone
/// when lifted. <c>enforcement.imei_states</c> is this fold kept current; the audit rebuilds it the same way in SQL.
/// </summary>
public static class ImeiTrail
{
    public const string Met = "met";
    public const string Reminded = "reminded";
    public const string Blocked = "blocked";
    public const string Lifted = "lifted";

    public static IReadOnlyList<ImeiConditionState> Fold(IEnumerable<ImeiChange> changes)
    {
        var states = new Dictionary<string, ImeiConditionState>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Change == Lifted)
            {
                states.Remove(change.Condition);
                continue;
            }

            var state = states.GetValueOrDefault(change.Condition) ?? new ImeiConditionState(change.Condition, change.At, change.Deadline, null, null);
            states[change.Condition] = change.Change switch
            {
                Reminded => state with { RemindedAt = change.At },
                Blocked => state with { BlockedAt = change.At },
                _ => state,
            };
        }

        return [.. states.Values.OrderBy(s => s.Condition, StringComparer.Ordinal)];
    }
}
