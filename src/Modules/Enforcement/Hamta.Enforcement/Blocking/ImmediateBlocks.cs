using Hamta.Enforcement.Contracts;
using Wolverine;

namespace Hamta.Enforcement.Blocking;

/// <summary>A state that blocks at once (grace 0): its deadline is the moment it is met.</summary>
public sealed record ImmediateState(string Imei, string Condition, string Reason, string Cause, DateTimeOffset At);

/// <summary>
/// Blocks that do not wait for a classification run: a device reported lost or stolen, and a block by hand. They
/// come and go with events Hamta records itself, so they are applied at once and the lists published after them.
/// </summary>
public static class ImmediateBlocks
{
    public const string LostStolen = "lost-stolen";
    public const string Manual = "manual";

    /// <summary>The states to add: one per IMEI not already in the condition.</summary>
    public static IReadOnlyList<ImmediateState> Block(
        IEnumerable<string> imeis, IReadOnlySet<string> alreadyIn, string condition, string reason, string cause, DateTimeOffset at) =>
        imeis.Distinct().Where(imei => !alreadyIn.Contains(imei)).Select(imei => new ImmediateState(imei, condition, reason, cause, at)).ToList();

    /// <summary>The IMEIs whose state in the condition is lifted: those that are in it.</summary>
    public static IReadOnlyList<string> Lift(IEnumerable<string> imeis, IReadOnlySet<string> alreadyIn) =>
        imeis.Distinct().Where(alreadyIn.Contains).ToList();

    /// <summary>The lists follow a change; nothing changed, nothing to publish.</summary>
    public static OutgoingMessages Changed(int changes, DateTimeOffset at) =>
        changes == 0 ? [] : [new EnforcementStatesChanged(Guid.CreateVersion7(at), at)];
}
