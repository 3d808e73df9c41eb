namespace Hamta.Faults;

/// <summary>One line of docs/reliability.md: what was done, what was measured, the target, and whether it was met.</summary>
public sealed record DrillRow(string Drill, string Figures, string Target, bool Met, IReadOnlyList<string> Notes);

/// <summary>A fault drill: breaks something under load, measures, puts things back.</summary>
public interface IDrill
{
    /// <summary>The name <c>--only</c> selects it by.</summary>
    string Name { get; }

    Task<IReadOnlyList<DrillRow>> RunAsync(FaultContext context);
}
