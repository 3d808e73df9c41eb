using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Hamta.Sim.SimCards;
using Marten;
using Wolverine;

namespace Hamta.Sim.Network;

/// <summary>
/// Stores a batch of attach observations set-based (one query for the SIMs, one for duplicates) and
/// publishes each new, well-formed one so that other modules can react at once.
/// </summary>
public static class RecordAttachObservationsHandler
{
    private sealed record Candidate(int Index, AttachObservation Observation);

    public static async Task<(AttachObservationsResult, OutgoingMessages)> Handle(
        RecordAttachObservations command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var numbers = command.Records
            .Select(r => !AttachObservationRecord.IsMisshapen(r, out _) && MobileNumber.TryNormalize(r.Msisdn, out var number) ? number : null)
            .OfType<string>().Distinct().ToArray();
        var owners = (await session.Query<SimCard>().Where(x => numbers.Contains(x.Number)).ToListAsync(cancellation))
            .ToDictionary(x => x.Number, x => x.NationalId);

        var results = new ObservationResult[command.Records.Count];
        var candidates = new List<Candidate>();
        for (var i = 0; i < command.Records.Count; i++)
        {
            var (outcome, observation) = Examine(command.Records[i], owners, command.Operator, now);
            results[i] = new ObservationResult(i, outcome);
            if (observation is not null)
            {
                candidates.Add(new Candidate(i, observation));
            }
        }

        var ids = candidates.Select(c => c.Observation.Id).Distinct().ToArray();
        var existing = (await session.LoadManyAsync<AttachObservation>(cancellation, ids)).Select(x => x.Id).ToHashSet();
        var messages = new OutgoingMessages();
        foreach (var candidate in candidates)
        {
            if (!existing.Add(candidate.Observation.Id))
            {
                results[candidate.Index] = new ObservationResult(candidate.Index, ObservationOutcome.Duplicate);
                continue;
            }

            var observation = candidate.Observation;
            session.Insert(observation);
            if (observation.ImeiValid)
            {
                messages.Add(new NetworkAttachObserved(Guid.CreateVersion7(), observation.Imei, observation.Msisdn, observation.NationalId, observation.ObservedAt));
            }
        }

        return (new AttachObservationsResult(results), messages);
    }

    private static (ObservationOutcome, AttachObservation?) Examine(
        AttachObservationRecord? record, Dictionary<string, string> owners, string operatorName, DateTimeOffset now)
    {
        if (AttachObservationRecord.IsMisshapen(record, out var problem))
        {
            return (problem, null);
        }

        var imsi = DigitNormalizer.Normalize(record.Imsi);
        if (string.IsNullOrEmpty(record.Imei) || imsi.Length == 0 || record.ObservedAt is not { } observedAt
            || !MobileNumber.TryNormalize(record.Msisdn, out var msisdn))
        {
            return (ObservationOutcome.MissingFields, null);
        }

        if (!owners.TryGetValue(msisdn, out var nationalId))
        {
            return (ObservationOutcome.UnknownMsisdn, null);
        }

        var imeiValid = Imei.Check(record.Imei, out var imei) == ImeiProblem.None;
        var observation = new AttachObservation(
            AttachObservation.IdOf(imei, imsi, msisdn, observedAt), imei, imeiValid, imsi, msisdn, nationalId, operatorName, observedAt, now);
        return (imeiValid ? ObservationOutcome.Stored : ObservationOutcome.StoredWithMalformedImei, observation);
    }
}
