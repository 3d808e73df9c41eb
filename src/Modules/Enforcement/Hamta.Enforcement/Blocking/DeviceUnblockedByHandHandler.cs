using Hamta.Devices.Contracts;
using Marten;
using Wolverine;

namespace Hamta.Enforcement.Blocking;

/// <summary>A block by hand lifted: the IMEIs' <c>manual</c> states go; any other condition they meet stays.</summary>
public static class DeviceUnblockedByHandHandler
{
    public static Task<IReadOnlySet<string>> LoadAsync(DeviceUnblockedByHand unblocked, IQuerySession session, CancellationToken cancellation) =>
        ImeiStates.InConditionAsync(session, unblocked.Imeis, ImmediateBlocks.Manual, cancellation);

    public static OutgoingMessages Handle(DeviceUnblockedByHand unblocked, IReadOnlySet<string> blocked, IDocumentSession session)
    {
        var lifted = ImmediateBlocks.Lift(unblocked.Imeis, blocked);
        ImeiStates.Lift(session, lifted, ImmediateBlocks.Manual, $"unblocked by {unblocked.By}: {unblocked.Reason}", unblocked.UnblockedAt);
        return ImmediateBlocks.Changed(lifted.Count, unblocked.UnblockedAt);
    }
}
