using Hamta.Devices.Contracts;
using Marten;
using Wolverine;

namespace Hamta.Enforcement.Blocking;

/// <summary>A lost or stolen device was found: its block is lifted at once and the lists published.</summary>
public static class DeviceFoundHandler
{
    public static Task<IReadOnlySet<string>> LoadAsync(DeviceFound found, IQuerySession session, CancellationToken cancellation) =>
        ImeiStates.InConditionAsync(session, found.Imeis, ImmediateBlocks.LostStolen, cancellation);

    public static OutgoingMessages Handle(DeviceFound found, IReadOnlySet<string> blocked, IDocumentSession session)
    {
        var lifted = ImmediateBlocks.Lift(found.Imeis, blocked);
        ImeiStates.Lift(session, lifted, ImmediateBlocks.LostStolen, $"found, case {found.CaseNumber}", found.FoundAt);
        return ImmediateBlocks.Changed(lifted.Count, found.FoundAt);
    }
}
