using Hamta.Sim.Contracts;
using Wolverine;

namespace Hamta.Sim.Network;

/// <summary>
/// What the Sim module reports from the sightings (evidence for tickets, IMEIs seen for the first time) is the
/// system's word, not the operator's who sent the sightings: whatever other modules do on it is recorded as done by
/// the system. The report itself names the sighting and its operator.
/// </summary>
public sealed class SystemReports : IEnvelopeRule
{
    public const string Actor = "system";

    public void Modify(Envelope envelope)
    {
        if (envelope.Message is NetworkEvidenceFound or ImeisFirstSeenOnNetwork)
        {
            envelope.UserName = Actor;
        }
    }
}
