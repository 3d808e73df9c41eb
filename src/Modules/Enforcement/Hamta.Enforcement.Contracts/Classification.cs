namespace Hamta.Enforcement.Contracts;

/// <summary>
/// A classification run or an immediate block changed the enforcement state of some IMEIs: the operators' lists
/// are published again from the new state, set-based.
/// </summary>
public sealed record EnforcementStatesChanged(Guid RunId, DateTimeOffset At);

/// <summary>
/// Classifies the sightings of the look-back window (the daily job, after an accepted dump): conditions met are
/// warned, those that no longer hold lifted, deadlines passed blocked. With <see cref="Imeis"/>, only those IMEIs
/// are classified again (a registration change lifts at once). With <see cref="AsOf"/>, the run is made as of that
/// time (a back-fill of a missed day, as DIRBS's <c>--curr-date</c>).
/// </summary>
public sealed record ClassifyImeis(string Cause, IReadOnlyList<string>? Imeis = null, DateTimeOffset? AsOf = null);

/// <summary>
/// The conditions each IMEI meets now, for the portal's pages and the inquiries; with <see cref="Msisdn"/>, also those
/// of the IMEIs last seen with that number (the warnings its subscriber got).
/// </summary>
public sealed record FindEnforcementStates(IReadOnlyList<string> Imeis, string? Msisdn = null);

/// <summary>One condition an IMEI meets: why, until when, and whether the deadline has passed (blocked).</summary>
public sealed record ImeiEnforcementState(string Imei, string Condition, string Reason, bool Blocking, DateTimeOffset Deadline, bool Blocked, string? Msisdn = null);

public sealed record EnforcementStates(IReadOnlyList<ImeiEnforcementState> States)
{
    public IReadOnlyList<ImeiEnforcementState> Of(string imei) => States.Where(s => s.Imei == imei).ToList();
}

/// <summary>How far the classification has come: the moment up to which the last applied full run covered the sightings.</summary>
public sealed record GetClassificationCoverage;

/// <summary>The window's end (the run's «as of») of the last full run that was applied, not stopped; null before the first.</summary>
public sealed record ClassificationCoverage(DateTimeOffset? CoveredUntil);

/// <summary>The latest classification runs, newest first, for the staff page.</summary>
public sealed record FindClassificationRuns(int Count);

/// <summary>One condition's figures in a run: how many IMEIs it matched (and their share, against its cap), newly met and lifted.</summary>
public sealed record RunCondition(string Condition, long Matched, double Share, double MaxRatio, bool TooMany, int Met, int Lifted);

/// <summary>A classification run: what caused it, how many IMEIs the window held, what it changed, or that the safety cap stopped it.</summary>
public sealed record ClassificationRun(
    Guid Id, string Cause, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Partial, long ImeisSeen, bool Stopped,
    int Met, int Lifted, int Blocked, int Reminded, IReadOnlyList<RunCondition> Conditions);
