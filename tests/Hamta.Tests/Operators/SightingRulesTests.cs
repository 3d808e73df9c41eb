using Hamta.Sim.Contracts;
using Hamta.Sim.Network;

namespace Hamta.Tests.Operators;

/// <summary>What an operator's record becomes, decided without a database.</summary>
public sealed class SightingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(180);

    private static ObservationOutcome OutcomeOf(string? imei, string? imsi, string? msisdn, DateTimeOffset? at) =>
        SightingRules.Examine(new AttachObservationRecord(imei, imsi, msisdn, at), Now, Retention).Outcome;

    [Theory]
    [InlineData(Samsung, "432111234567890", SampleMobile, ObservationOutcome.Stored)]
    [InlineData("356938035643808", "432111234567890", SampleMobile, ObservationOutcome.StoredWithMalformedImei)]
    [InlineData("not-an-imei", "432111234567890", SampleMobile, ObservationOutcome.StoredWithMalformedImei)]
    [InlineData("", "432111234567890", SampleMobile, ObservationOutcome.MissingImei)]
    [InlineData(Samsung, " ", SampleMobile, ObservationOutcome.MissingImsi)]
    [InlineData(Samsung, "432111234567890", null, ObservationOutcome.MissingMsisdn)]
    [InlineData(Samsung, "43211", SampleMobile, ObservationOutcome.InvalidImsi)]
    [InlineData(Samsung, "4321112345678901", SampleMobile, ObservationOutcome.InvalidImsi)]
    [InlineData(Samsung, "432111234567890", "abc", ObservationOutcome.InvalidMsisdn)]
    [InlineData(Samsung, "432111234567890", "02188888888", ObservationOutcome.InvalidMsisdn)]
    [InlineData("3569380356438093569380356438", "432111234567890", SampleMobile, ObservationOutcome.InvalidImei)]
    public void A_record_is_stored_or_refused_for_its_precise_reason(string? imei, string? imsi, string? msisdn, ObservationOutcome expected) =>
        Assert.Equal(expected, OutcomeOf(imei, imsi, msisdn, Now));

    [Fact]
    public void Times_are_checked_against_the_clock_and_the_retention_window()
    {
        Assert.Equal(ObservationOutcome.MissingObservedAt, OutcomeOf(Samsung, "432111234567890", SampleMobile, null));
        Assert.Equal(ObservationOutcome.Stored, OutcomeOf(Samsung, "432111234567890", SampleMobile, Now.AddMinutes(5)));
        Assert.Equal(ObservationOutcome.InTheFuture, OutcomeOf(Samsung, "432111234567890", SampleMobile, Now.AddMinutes(5).AddSeconds(1)));
        Assert.Equal(ObservationOutcome.Stored, OutcomeOf(Samsung, "432111234567890", SampleMobile, Now - Retention));
        Assert.Equal(ObservationOutcome.OlderThanRetention, OutcomeOf(Samsung, "432111234567890", SampleMobile, Now - Retention - TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Persian_digits_and_any_mobile_form_are_stored_in_one_canonical_form()
    {
        var (_, sighting) = SightingRules.Examine(
            new AttachObservationRecord("۳۵۶۹۳۸۰۳۵۶۴۳۸۰۹", "۴۳۲۱۱۱۲۳۴۵۶۷۸۹۰", "+98 912 123 4567", Now.ToOffset(TimeSpan.FromHours(3.5))), Now, Retention);

        Assert.Equal(new Sighting(Samsung, true, "432111234567890", SampleMobile, Now), sighting);
        Assert.Equal(TimeSpan.Zero, sighting!.ObservedAt.Offset);
    }

    [Fact]
    public void A_null_record_is_refused_as_empty() =>
        Assert.Equal(ObservationOutcome.EmptyRecord, SightingRules.Examine(null, Now, Retention).Outcome);
}
