using Hamta.Devices.Contracts;
using Marten;
using Wolverine;

namespace Hamta.Enforcement.Blocking;

/// <summary>A block by hand becomes a <c>manual</c> state of each of the device's IMEIs, blocking at once.</summary>
public static class DeviceBlockedByHandHandler
{
    public static Task<IReadOnlySet<string>> LoadAsync(DeviceBlockedByHand blocked, IQuerySession session, CancellationToken cancellation) =>
        ImeiStates.InConditionAsync(session, blocked.Imeis, ImmediateBlocks.Manual, cancellation);

    public static OutgoingMessages Handle(DeviceBlockedByHand blocked, IReadOnlySet<string> alreadyBlocked, IDocumentSession session)
    {
        var states = ImmediateBlocks.Block(blocked.Imeis, alreadyBlocked, ImmediateBlocks.Manual, EnforcementTexts.Manual(blocked.Reason),
            $"blocked by {blocked.By}", blocked.BlockedAt);
        ImeiStates.Block(session, states);
        return ImmediateBlocks.Changed(states.Count, blocked.BlockedAt);
    }
}
