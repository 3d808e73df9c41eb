using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;

namespace Hamta.Sim.Network;

/// <summary>One sighting as it is stored: normalised, with its IMEI flagged when malformed.</summary>
public sealed record Sighting(string Imei, bool ImeiValid, string Imsi, string Msisdn, DateTimeOffset ObservedAt);

/// <summary>Whether one operator record can be stored, and as what; the reason when it cannot.</summary>
public static class SightingRules
{
    private const int MinImsiLength = 6;
    private const int MaxImsiLength = 15;

    public static (ObservationOutcome Outcome, Sighting? Sighting) Examine(AttachObservationRecord? record, DateTimeOffset now, TimeSpan retention)
    {
        if (record is null)
        {
            return (ObservationOutcome.EmptyRecord, null);
        }

        var imei = DigitNormalizer.Normalize(record.Imei);
        var imsi = DigitNormalizer.Normalize(record.Imsi);
        var msisdnGiven = DigitNormalizer.Normalize(record.Msisdn);
        ObservationOutcome? refusal = (imei, imsi, msisdnGiven, record.ObservedAt) switch
        {
            ({ Length: 0 }, _, _, _) => ObservationOutcome.MissingImei,
            (_, { Length: 0 }, _, _) => ObservationOutcome.MissingImsi,
            (_, _, { Length: 0 }, _) => ObservationOutcome.MissingMsisdn,
            (_, _, _, null) => ObservationOutcome.MissingObservedAt,
            _ when imei.Length > RecordAttachObservations.MaxImeiLength || record.Imei!.Any(char.IsControl) => ObservationOutcome.InvalidImei,
            _ when imsi.Length is < MinImsiLength or > MaxImsiLength || !DigitNormalizer.IsAsciiDigits(imsi) => ObservationOutcome.InvalidImsi,
            _ when !MobileNumber.TryNormalize(msisdnGiven, out _) => ObservationOutcome.InvalidMsisdn,
            _ when record.ObservedAt > now + NetworkSettings.ClockTolerance => ObservationOutcome.InTheFuture,
            _ when record.ObservedAt < now - retention => ObservationOutcome.OlderThanRetention,
            _ => null,
        };
        if (refusal is { } refused)
        {
            return (refused, null);
        }

        MobileNumber.TryNormalize(msisdnGiven, out var msisdn);
        var valid = Imei.Check(imei, out _) == ImeiProblem.None;
        return (valid ? ObservationOutcome.Stored : ObservationOutcome.StoredWithMalformedImei,
            new Sighting(imei, valid, imsi, msisdn, record.ObservedAt!.Value.ToUniversalTime()));
    }
}
