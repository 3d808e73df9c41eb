using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Devices.Repairing;

namespace Hamta.Specs.Devices;

/// <summary>Given an owned device, when its owner registers a repair that changed an IMEI, then the registry replaces it or says why not.</summary>
public sealed class RepairSpecs
{
    private const string Repaired = "356938035643841";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid DeviceId = Guid.Parse("3f4a5b6c-0000-4000-8000-000000000003");

    private static readonly Device Galaxy =
        Device.Create(new DeviceDeclared(DeviceId, [Samsung, SamsungSecondImei], "Samsung", "Galaxy A54", ImportType.Commercial, "importer", null, Now.AddDays(-30)))
            .Apply(new DeviceActivated(DeviceId, SampleMobile, SampleNationalId, Now.AddDays(-20)));

    private static RepairOutcome When(Device? device, string oldImei = SamsungSecondImei, string newImei = Repaired, Guid? newImeiHolder = null,
        string sim = SampleMobile, string nationalId = SampleNationalId) =>
        RegisterRepairHandler.Decide(new RegisterRepair(oldImei, newImei, sim, nationalId), device, newImeiHolder);

    [Fact]
    public void A_free_imei_of_the_same_model_replaces_the_old_one() => Assert.Equal(RepairOutcome.Replaced, When(Galaxy));

    [Theory]
    [InlineData(OtherSimOfSample, SampleNationalId)]
    [InlineData(SecondUserSim, SecondUserNationalId)]
    public void Only_the_owner_sim_registers_a_repair(string sim, string nationalId) =>
        Assert.Equal(RepairOutcome.NotYourDevice, When(Galaxy, sim: sim, nationalId: nationalId));

    [Fact]
    public void An_unknown_imei_is_nobodys_device() => Assert.Equal(RepairOutcome.NotYourDevice, When(null));

    [Fact]
    public void A_blocked_device_is_not_repaired() =>
        Assert.Equal(RepairOutcome.Blocked, When(Galaxy.Apply(new DeviceBlocked(DeviceId, "حکم", "admin", Now))));

    [Fact]
    public void The_same_imei_changes_nothing() => Assert.Equal(RepairOutcome.SameImei, When(Galaxy, newImei: SamsungSecondImei));

    [Fact]
    public void An_imei_of_another_model_is_refused() => Assert.Equal(RepairOutcome.DifferentModel, When(Galaxy, newImei: UnregisteredOtherTac));

    [Fact]
    public void An_imei_the_device_holds_already_is_named_as_such() =>
        Assert.Equal(RepairOutcome.NewImeiOnSameDevice, When(Galaxy, newImei: Samsung, oldImei: SamsungSecondImei, newImeiHolder: DeviceId));

    [Fact]
    public void An_imei_another_device_holds_is_refused() =>
        Assert.Equal(RepairOutcome.NewImeiTaken, When(Galaxy, newImeiHolder: Guid.NewGuid()));
}
