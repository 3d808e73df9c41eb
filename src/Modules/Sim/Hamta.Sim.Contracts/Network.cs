namespace Hamta.Sim.Contracts;

/// <summary>
/// The network saw these registered IMEIs for the first time since they were registered: published once per stored
/// batch or dump that had any, from the set-based pass that stores it (ADR 18). Each IMEI is published once, ever;
/// <see cref="FirstSighting.SeenAt"/> is its earliest stored sighting, which may be older than the batch (an IMEI seen
/// before it was registered), and <see cref="FirstSighting.Msisdn"/> is the SIM it was seen with in the batch.
/// </summary>
public sealed record ImeisFirstSeenOnNetwork(IReadOnlyList<FirstSighting> Sightings);

public sealed record FirstSighting(string Imei, string Msisdn, string? NationalId, DateTimeOffset SeenAt);

/// <summary>One operator's batch of network-attach observations.</summary>
public sealed record RecordAttachObservations(string Operator, IReadOnlyList<AttachObservationRecord?> Records)
{
    public const int MaxRecords = 10_000;

    /// <summary>Longer than any identifier a network sends: refused rather than stored as a malformed IMEI.</summary>
    public const int MaxImeiLength = 20;
}

public sealed record AttachObservationRecord(string? Imei, string? Imsi, string? Msisdn, DateTimeOffset? ObservedAt);

/// <summary>What became of one record of a batch: stored (possibly flagged), a duplicate, or refused for a precise reason.</summary>
public enum ObservationOutcome
{
    Stored,
    StoredWithMalformedImei,
    Duplicate,
    EmptyRecord,
    MissingImei,
    MissingImsi,
    MissingMsisdn,
    MissingObservedAt,
    InvalidImei,
    InvalidImsi,
    InvalidMsisdn,
    InTheFuture,
    OlderThanRetention,
}

public static class ObservationOutcomes
{
    public static bool IsStored(this ObservationOutcome outcome) => outcome is ObservationOutcome.Stored or ObservationOutcome.StoredWithMalformedImei;

    public static bool IsRefused(this ObservationOutcome outcome) => !outcome.IsStored() && outcome != ObservationOutcome.Duplicate;
}

public sealed record ObservationResult(int Index, ObservationOutcome Outcome);

public sealed record AttachObservationsResult(IReadOnlyList<ObservationResult> Records);

/// <summary>When each of these IMEIs was last seen on the network, for those seen within the retention window.</summary>
public sealed record FindLastSeenOnNetwork(IReadOnlyList<string> Imeis);

public sealed record LastSeenOnNetwork(IReadOnlyDictionary<string, DateTimeOffset> ByImei);

/// <summary>Which IMEIs the network saw with a SIM, or a SIM of a national ID, at any time: one request per case to check.</summary>
public sealed record EvidenceRequest(Guid RequestId, IReadOnlyList<string> Imeis, string Sim, string NationalId);

/// <summary>
/// Asks for the sightings of many cases at once; answered with one <see cref="NetworkEvidenceFound"/>. The Sim
/// module also watches for the requested IMEIs from then on (ADR 18): a sighting of one of them stored later is
/// answered at once with another <see cref="NetworkEvidenceFound"/>.
/// </summary>
public sealed record FindNetworkEvidence(IReadOnlyList<EvidenceRequest> Requests);

/// <summary>A sighting that is evidence for a request, with the operator that reported it.</summary>
public sealed record EvidenceSighting(Guid RequestId, string Imei, string Msisdn, DateTimeOffset ObservedAt, string? Operator = null);

/// <summary>The latest sighting of each requested IMEI that was seen, for a request or a watch.</summary>
public sealed record NetworkEvidenceFound(IReadOnlyList<EvidenceSighting> Sightings);

/// <summary>Creates the sightings' daily partitions ahead and drops those past the retention window (a recurring job).</summary>
public sealed record MaintainSightingPartitions;

/// <summary>An operator's daily dump was accepted and stored (published with its transaction): enforcement classifies again.</summary>
public sealed record SightingsDumpStored(string Operator, long Stored, DateTimeOffset At);

/// <summary>When the network first saw an IMEI with a mobile number, within the retention window («افزودن دستگاه»).</summary>
public sealed record FindFirstSightingWithSim(string Imei, string Msisdn);

public sealed record FirstSightingWithSim(DateTimeOffset? SeenAt);

/// <summary>
/// Every sighting of these IMEIs since a time, newest first, at most <see cref="Limit"/>: which SIM used a lost or
/// stolen device after its report. For staff only; one set-based read.
/// </summary>
public sealed record FindSightingsSince(IReadOnlyList<string> Imeis, DateTimeOffset Since, int Limit = 500);

public sealed record ImeiSighting(string Imei, string Msisdn, string Operator, DateTimeOffset ObservedAt);
