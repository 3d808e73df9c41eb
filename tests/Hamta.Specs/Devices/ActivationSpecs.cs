using Hamta.Devices.Activating;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Security;

namespace Hamta.Specs.Devices;

/// <summary>Given a device's events, when a SIM activates it with a code, then it is owned or refused with the reason: the Devices module's activation decision.</summary>
public sealed class ActivationSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid DeviceId = Guid.Parse("2e3f4a5b-0000-4000-8000-000000000002");
    private static readonly LockoutSettings Lockouts = new();

    private static Device Boxed(TravellerDeclaration? traveller = null) =>
        Device.Create(new DeviceDeclared(DeviceId, [BoxedNokia], "Nokia", "105", traveller is null ? ImportType.Commercial : ImportType.Traveller, "importer", traveller, Now.AddDays(-3)))
            .Apply(new ActivationCodeIssued(DeviceId, ActivationCodes.Hash(DeviceId, BoxCode), ActivationCodeReason.Box, Now.AddDays(-3)));

    private static (ActivationResult Result, IReadOnlyList<object> Events) When(Device? device, string code = BoxCode, string sim = SampleMobile) =>
        ActivateDeviceHandler.Decide(new ActivateDevice(BoxedNokia, sim, SampleNationalId, code), device, Now, Lockouts);

    [Fact]
    public void The_box_code_makes_the_sim_the_owner()
    {
        var (result, events) = When(Boxed());

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        Assert.Equal([new DeviceActivated(DeviceId, SampleMobile, SampleNationalId, Now)], events);
    }

    [Theory]
    [InlineData("48291")]
    [InlineData("4829130")]
    [InlineData("082913")]
    [InlineData("abcdef")]
    [InlineData("")]
    public void A_code_that_is_not_six_digits_starting_with_non_zero_is_refused_before_anything_is_counted(string code)
    {
        var (result, events) = When(Boxed(), code);

        Assert.Equal(ActivationOutcome.MalformedCode, result.Outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void A_malformed_code_is_named_as_such_even_for_an_unknown_imei() =>
        Assert.Equal(ActivationOutcome.MalformedCode, When(null, "12").Result.Outcome);

    [Fact]
    public void An_unknown_imei_is_refused() => Assert.Equal(ActivationOutcome.UnknownImei, When(null).Result.Outcome);

    [Fact]
    public void A_blocked_device_is_refused_even_with_its_code()
    {
        var (result, events) = When(Boxed().Apply(new DeviceBlocked(DeviceId, "حکم", "admin", Now.AddDays(-1))));

        Assert.Equal(ActivationOutcome.Blocked, result.Outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void A_device_already_owned_by_the_sim_is_not_activated_again() =>
        Assert.Equal(ActivationOutcome.AlreadyOwned, When(Boxed().Apply(new DeviceActivated(DeviceId, SampleMobile, SampleNationalId, Now.AddDays(-1)))).Result.Outcome);

    [Fact]
    public void A_travellers_device_waits_for_the_customs_fee() =>
        Assert.Equal(ActivationOutcome.CustomsFeeNotPaid, When(Boxed(new TravellerDeclaration(SampleNationalId, SampleMobile, false, Now.AddDays(-3)))).Result.Outcome);

    [Fact]
    public void A_wrong_code_is_refused_and_counted_against_the_sim_that_typed_it()
    {
        var (result, events) = When(Boxed(), "111111", OtherSimOfSample);

        Assert.Equal(ActivationOutcome.WrongCode, result.Outcome);
        Assert.Equal([new ActivationCodeRejected(DeviceId, OtherSimOfSample, Now)], events);
    }
}
