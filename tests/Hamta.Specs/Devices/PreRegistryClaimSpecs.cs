using Hamta.Devices.Claiming;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;

namespace Hamta.Specs.Devices;

/// <summary>
/// Given the registry's word on an IMEI and when the network first saw it with the claiming SIM, when a subscriber
/// claims it («افزودن دستگاه»), then it is registered to them with its claim, or refused with the reason.
/// </summary>
public sealed class PreRegistryClaimSpecs
{
    private const string Imei = "860155031234561";
    private const string Sim = SampleMobile;
    private const string NationalId = SampleNationalId;
    private static readonly DateTimeOffset JoinedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(3.5));
    private static readonly DateTimeOffset Now = JoinedAt.AddDays(20);
    private static readonly Guid DeviceId = Guid.Parse("0b5e6f1a-0000-4000-8000-000000000007");

    private static readonly PreRegistrySettings Settings = new() { BrandJoinDates = new() { ["Huawei"] = JoinedAt } };

    private static (PreRegistryClaimResult Result, Registration? Registration, DeviceClaimedBeforeRegistry? Claimed) When(
        DateTimeOffset? firstSeenWithSim, Device? registered = null, string brand = "Huawei", PreRegistrySettings? settings = null) =>
        ClaimPreRegistryDeviceHandler.Decide(
            new ClaimPreRegistryDevice(Imei, brand, " P30 Pro ", Sim, NationalId, firstSeenWithSim), registered, settings ?? Settings, DeviceId, Now);

    private static Device Registered(string? ownerSim) =>
        new Registration(DeviceId, [Imei], "Huawei", "P30", ImportType.Commercial, "importer", null, null, null, JoinedAt).ToDevice()
            with { OwnerSim = ownerSim, OwnerNationalId = ownerSim is null ? null : NationalId };

    [Fact]
    public void Seen_with_the_sim_a_second_before_the_brand_joined_registers_the_device_to_that_sim()
    {
        var (result, registration, claimed) = When(JoinedAt.AddSeconds(-1));

        Assert.Equal(new PreRegistryClaimResult(PreRegistryClaimOutcome.Registered, JoinedAt), result);
        Assert.Equal([Imei], registration!.Imeis);
        Assert.Equal(("Huawei", "P30 Pro", ImportType.PreRegistry), (registration.Brand, registration.Model, registration.ImportType));
        Assert.Equal(new DeviceClaimedBeforeRegistry(DeviceId, Sim, NationalId, JoinedAt.AddSeconds(-1), JoinedAt, Now), claimed);
        var device = registration.ToDevice().Apply(claimed!);
        Assert.True(device.IsOwnedBy(Sim, NationalId));
    }

    [Fact]
    public void Seen_first_at_the_joining_instant_is_refused()
    {
        Assert.Equal(new PreRegistryClaimResult(PreRegistryClaimOutcome.SeenOnlyAfterJoining, JoinedAt), When(JoinedAt).Result);
        Assert.Null(When(JoinedAt.AddDays(3)).Registration);
    }

    [Fact]
    public void Never_seen_with_the_sim_is_refused()
    {
        Assert.Equal(new PreRegistryClaimResult(PreRegistryClaimOutcome.NotSeenWithThisSim, JoinedAt), When(null).Result);
    }

    [Fact]
    public void A_registered_imei_is_refused_and_one_of_mine_changes_nothing()
    {
        Assert.Equal(PreRegistryClaimOutcome.AlreadyRegistered, When(JoinedAt.AddDays(-9), Registered(null)).Result.Outcome);
        Assert.Equal(PreRegistryClaimOutcome.AlreadyRegistered, When(JoinedAt.AddDays(-9), Registered(SecondUserSim)).Result.Outcome);
        var (result, registration, claimed) = When(JoinedAt.AddDays(-9), Registered(Sim));
        Assert.Equal((PreRegistryClaimOutcome.AlreadyYours, null, null), (result.Outcome, registration, claimed));
    }

    [Fact]
    public void A_brand_not_listed_takes_the_registrys_start_or_is_refused_without_one()
    {
        Assert.Equal(PreRegistryClaimOutcome.BrandNotListed, When(JoinedAt.AddDays(-9), brand: "Samsung").Result.Outcome);

        var withStart = new PreRegistrySettings { RegistryStart = JoinedAt.AddYears(-1), BrandJoinDates = Settings.BrandJoinDates };
        Assert.Equal(PreRegistryClaimOutcome.SeenOnlyAfterJoining, When(JoinedAt.AddDays(-9), brand: "Samsung", settings: withStart).Result.Outcome);
        Assert.Equal(PreRegistryClaimOutcome.Registered, When(JoinedAt.AddYears(-2), brand: "Samsung", settings: withStart).Result.Outcome);
    }

    [Fact]
    public void A_brand_is_matched_without_regard_to_case_or_spaces()
    {
        Assert.Equal(PreRegistryClaimOutcome.Registered, When(JoinedAt.AddDays(-1), brand: " HUAWEI ").Result.Outcome);
    }

    [Fact]
    public void A_missing_or_too_long_brand_or_model_is_refused_field_by_field_before_anything_else()
    {
        var (result, registration, claimed) = ClaimPreRegistryDeviceHandler.Decide(
            new ClaimPreRegistryDevice(Imei, " ", new string('م', ClaimPreRegistryDevice.MaxTextLength + 1), Sim, NationalId, JoinedAt.AddDays(-1)),
            Registered(ownerSim: null), Settings, DeviceId, Now);

        Assert.Equal(new PreRegistryClaimResult(PreRegistryClaimOutcome.TextRefused, Brand: ClaimText.Missing, Model: ClaimText.TooLong), result);
        Assert.Null(registration);
        Assert.Null(claimed);
        Assert.Equal(ClaimText.Fine, When(JoinedAt.AddDays(-1), brand: new string('ب', ClaimPreRegistryDevice.MaxTextLength)).Result.Brand);
    }
}

