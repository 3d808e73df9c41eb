namespace Hamta.Bench;

/// <summary>One line of the results table, with what the runs varied by and, for a missed target, where the time went.</summary>
public sealed record Row(string Scenario, string Figure, string Baseline, string Ratio, string Target, bool Met, string Noise, IReadOnlyList<string> Profile);
