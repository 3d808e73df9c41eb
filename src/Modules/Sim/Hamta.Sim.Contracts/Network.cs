using System.Diagnostics.CodeAnalysis;

namespace Hamta.Sim.Contracts;

/// <summary>An operator saw this IMEI on the network with this SIM; published once per stored observation.</summary>
public sealed record NetworkAttachObserved(Guid ObservationId, string Imei, string Msisdn, string NationalId, DateTimeOffset ObservedAt);

/// <summary>One operator's batch of network-attach observations.</summary>
public sealed record RecordAttachObservations(string Operator, IReadOnlyList<AttachObservationRecord?> Records)
{
    public const int MaxRecords = 10_000;
}

public sealed record AttachObservationRecord(string? Imei, string? Imsi, string? Msisdn, DateTimeOffset? ObservedAt)
{
    /// <summary>The longest IMEI, IMSI or MSISDN text looked at: pasted separators fit, a flood does not reach storage.</summary>
    public const int MaxFieldLength = 64;

    /// <summary>Whether a record (null in a malformed batch) is refused for its shape, before anything is looked up.</summary>
    public static bool IsMisshapen([NotNullWhen(false)] AttachObservationRecord? record, out ObservationOutcome problem)
    {
        problem = record switch
        {
            null => ObservationOutcome.MissingFields,
            { Imei.Length: > MaxFieldLength } or { Imsi.Length: > MaxFieldLength } or { Msisdn.Length: > MaxFieldLength } => ObservationOutcome.TooLong,
            _ => ObservationOutcome.Stored,
        };
        return problem != ObservationOutcome.Stored;
    }
}

public enum ObservationOutcome
{
    Stored,
    StoredWithMalformedImei,
    Duplicate,
    UnknownMsisdn,
    MissingFields,
    TooLong,
}

public sealed record ObservationResult(int Index, ObservationOutcome Outcome);

public sealed record AttachObservationsResult(IReadOnlyList<ObservationResult> Records);

/// <summary>Has the network seen this IMEI with this SIM, or with any SIM of this national ID, since a time?</summary>
public sealed record WasSeenOnNetwork(string Imei, string Sim, string? NationalId, DateTimeOffset Since);

public sealed record SeenOnNetworkAnswer(bool Seen, DateTimeOffset? LastSeenAt);

/// <summary>When each of these IMEIs was last seen on the network, for those ever seen.</summary>
public sealed record FindLastSeenOnNetwork(IReadOnlyList<string> Imeis);

public sealed record LastSeenOnNetwork(IReadOnlyDictionary<string, DateTimeOffset> ByImei);

/// <summary>Which IMEIs the network saw with a SIM, or a SIM of a national ID, at any time: one request per case to check.</summary>
public sealed record EvidenceRequest(Guid RequestId, IReadOnlyList<string> Imeis, string Sim, string NationalId);

/// <summary>Asks for the sightings of many cases at once; answered with one <see cref="NetworkEvidenceFound"/>.</summary>
public sealed record FindNetworkEvidence(IReadOnlyList<EvidenceRequest> Requests);

public sealed record EvidenceSighting(Guid RequestId, string Imei, string Msisdn, DateTimeOffset ObservedAt);

/// <summary>The answer to <see cref="FindNetworkEvidence"/>: the latest sighting of each requested IMEI that was seen.</summary>
public sealed record NetworkEvidenceFound(IReadOnlyList<EvidenceSighting> Sightings);
