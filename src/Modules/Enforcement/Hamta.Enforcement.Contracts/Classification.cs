namespace Hamta.Enforcement.Contracts;

/// <summary>
/// A classification run or an immediate block changed the enforcement state of some IMEIs: the operators' lists
/// are published again from the new state, set-based.
/// </summary>
public sealed record EnforcementStatesChanged(Guid RunId, DateTimeOffset At);
