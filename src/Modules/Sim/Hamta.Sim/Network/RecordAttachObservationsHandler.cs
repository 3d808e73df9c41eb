using Hamta.Sim.Contracts;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Hamta.Sim.Network;

/// <summary>
/// Stores an operator's batch in one statement and publishes only what matters to other modules: the IMEIs
/// seen for the first time and the evidence waiting tickets watch for (ADR 18). Each record gets its outcome.
/// </summary>
public static class RecordAttachObservationsHandler
{
    public static async Task<(AttachObservationsResult, OutgoingMessages)> Handle(RecordAttachObservations command, IDocumentSession session,
        TimeProvider clock, IOptions<NetworkSettings> settings, SightingsIngested ingested, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var outcomes = new ObservationOutcome[command.Records.Count];
        var sightings = new List<Sighting>();
        var indexes = new List<int>();
        var seen = new HashSet<Sighting>();
        for (var i = 0; i < command.Records.Count; i++)
        {
            var (outcome, sighting) = SightingRules.Examine(command.Records[i], now, settings.Value.Retention);
            outcomes[i] = outcome;
            if (sighting is null)
            {
                continue;
            }

            if (seen.Add(sighting))
            {
                sightings.Add(sighting);
                indexes.Add(i);
            }
            else
            {
                outcomes[i] = ObservationOutcome.Duplicate;
            }
        }

        var messages = new OutgoingMessages();
        if (sightings.Count > 0)
        {
            var stored = await SightingsWriter.StoreAsync(session, command.Operator, sightings, now, cancellation);
            ingested.Add(command.Operator, stored.Inserted.Count);
            for (var k = 0; k < indexes.Count; k++)
            {
                if (!stored.Inserted.Contains(k))
                {
                    outcomes[indexes[k]] = ObservationOutcome.Duplicate;
                }
            }

            messages.AddRange(stored.Messages());
        }

        return (new AttachObservationsResult(outcomes.Select((o, i) => new ObservationResult(i, o)).ToList()), messages);
    }
}
