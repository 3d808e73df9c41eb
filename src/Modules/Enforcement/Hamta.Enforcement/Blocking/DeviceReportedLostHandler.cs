using Hamta.Devices.Contracts;
using Marten;
using Wolverine;

namespace Hamta.Enforcement.Blocking;

/// <summary>A device reported lost or stolen is blocked at once (grace 0) and the lists published.</summary>
public static class DeviceReportedLostHandler
{
    public static Task<IReadOnlySet<string>> LoadAsync(DeviceReportedLost reported, IQuerySession session, CancellationToken cancellation) =>
        ImeiStates.InConditionAsync(session, reported.Imeis, ImmediateBlocks.LostStolen, cancellation);

    public static OutgoingMessages Handle(DeviceReportedLost reported, IReadOnlySet<string> alreadyBlocked, IDocumentSession session)
    {
        var states = ImmediateBlocks.Block(reported.Imeis, alreadyBlocked, ImmediateBlocks.LostStolen,
            EnforcementTexts.LostStolen(reported.CaseNumber), $"lost-stolen case {reported.CaseNumber}", reported.ReportedAt);
        ImeiStates.Block(session, states);
        return ImmediateBlocks.Changed(states.Count, reported.ReportedAt);
    }
}
