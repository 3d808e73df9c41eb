using Hamta.Devices.Activating;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Security;

namespace Hamta.Specs.Lockouts;

public sealed class ActivationLockoutSpecs
{
    private const string Code = "482913";
    private const string Buyer = SampleMobile;
    private const string Guesser = SecondUserSim;
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly LockoutSettings Settings = new();
    private static readonly Guid DeviceId = Guid.CreateVersion7();

    private static Device Boxed() =>
        Device.Create(new DeviceDeclared(DeviceId, [BoxedNokia], "Nokia", "105", ImportType.Commercial, "importer", null, Now))
            .Apply(new ActivationCodeIssued(DeviceId, ActivationCodes.Hash(DeviceId, Code), ActivationCodeReason.Box, Now));

    private static (ActivationResult Result, Device Device) Try(Device device, string sim, string code, DateTimeOffset at)
    {
        var (result, events) = ActivateDeviceHandler.Decide(new ActivateDevice(BoxedNokia, sim, "0012345678", code), device, at, Settings);
        foreach (var e in events.OfType<ActivationCodeRejected>())
        {
            device = device.Apply(e);
        }

        return (result, device);
    }

    private static (ActivationResult Result, Device Device) GuessFiveTimes(Device device, string sim, DateTimeOffset at)
    {
        ActivationResult result = null!;
        for (var i = 0; i < 5; i++)
        {
            (result, device) = Try(device, sim, "111111", at);
        }

        return (result, device);
    }

    [Fact]
    public void Five_wrong_codes_lock_only_the_sim_that_typed_them()
    {
        var (locked, device) = GuessFiveTimes(Boxed(), Guesser, Now);
        Assert.Equal(new ActivationResult(ActivationOutcome.CoolingDown, 15), locked);

        var (guesserRight, _) = Try(device, Guesser, Code, Now.AddMinutes(1));
        Assert.Equal(new ActivationResult(ActivationOutcome.CoolingDown, 14), guesserRight);

        var (buyer, _) = Try(device, Buyer, Code, Now.AddMinutes(1));
        Assert.Equal(ActivationOutcome.Activated, buyer.Outcome);
    }

    [Fact]
    public void A_sim_locked_again_waits_twice_as_long()
    {
        var (_, device) = GuessFiveTimes(Boxed(), Guesser, Now);

        var (again, _) = GuessFiveTimes(device, Guesser, Now.AddMinutes(15));

        Assert.Equal(new ActivationResult(ActivationOutcome.CoolingDown, 30), again);
    }

    [Fact]
    public void Fifty_wrong_codes_in_an_hour_from_many_sims_close_the_device_to_every_sim_until_the_hour_passes()
    {
        var device = Boxed();
        for (var sim = 0; sim < 10; sim++)
        {
            (_, device) = GuessFiveTimes(device, $"0935000{sim:D4}", Now.AddMinutes(sim));
        }

        var (buyer, _) = Try(device, Buyer, Code, Now.AddMinutes(10));
        Assert.Equal(new ActivationResult(ActivationOutcome.DeviceCoolingDown, 50), buyer);

        var (later, _) = Try(device, Buyer, Code, Now.AddMinutes(60));
        Assert.Equal(ActivationOutcome.Activated, later.Outcome);
    }

    [Fact]
    public void Wrong_codes_older_than_an_hour_do_not_count_towards_the_ceiling()
    {
        var device = Boxed();
        for (var sim = 0; sim < 9; sim++)
        {
            (_, device) = GuessFiveTimes(device, $"0935000{sim:D4}", Now);
        }

        (_, device) = GuessFiveTimes(device, "09350009999", Now.AddMinutes(61));

        Assert.Equal(5, device.RecentActivationRejections?.Count);
        Assert.Equal(ActivationOutcome.Activated, Try(device, Buyer, Code, Now.AddMinutes(61)).Result.Outcome);
    }
}
