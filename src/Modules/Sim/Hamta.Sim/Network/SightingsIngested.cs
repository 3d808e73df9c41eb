using System.Diagnostics.Metrics;
using Hamta.Kernel.Telemetry;

namespace Hamta.Sim.Network;

/// <summary>
/// The sightings stored, per operator: a counter of Hamta's meter (ADR 0014). A record sent again is not counted; it is
/// counted when its batch is written, so a batch whose commit fails and is retried counts its rows again.
/// </summary>
public sealed class SightingsIngested
{
    private readonly Counter<long> counter;

    public SightingsIngested(IMeterFactory meters) =>
        counter = meters.Create(HamtaMeter.Name).CreateCounter<long>(
            "hamta.sightings.ingested", "{sighting}", "Sightings stored from the operators' API and daily dumps, per operator");

    public void Add(string operatorName, long stored)
    {
        if (stored > 0)
        {
            counter.Add(stored, new KeyValuePair<string, object?>("operator", operatorName));
        }
    }
}
