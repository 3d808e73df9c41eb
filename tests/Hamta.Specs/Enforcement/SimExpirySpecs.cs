using Hamta.Devices.Contracts;
using Hamta.Devices.MovingFromExpiredSims;
using Hamta.Devices.Registry;
using Hamta.Sim.Contracts;
using Hamta.Sim.SimCards;

namespace Hamta.Specs.Enforcement;

/// <summary>Given a national ID's SIMs and a device, when a SIM expires, then the SIM's devices move to a sibling SIM or to nobody.</summary>
public sealed class SimExpirySpecs
{
    private const string Owner = SampleNationalId;
    private const string Expiring = SampleMobile;
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid DeviceId = Guid.Parse("1d2c3b4a-0000-4000-8000-000000000002");

    private static SimCard Sim(string number, string nationalId = Owner, SimCardStatus status = SimCardStatus.Active) =>
        new(Guid.NewGuid(), number, nationalId, "کاربر نمونه", "همراه اول", status);

    private static Device OwnedBy(string sim) =>
        Device.Create(new DeviceDeclared(DeviceId, [Nokia], "Nokia", "105", ImportType.Commercial, "importer", null, Now.AddDays(-30)))
            .Apply(new DeviceActivated(DeviceId, sim, Owner, Now.AddDays(-20)));

    [Fact]
    public void The_devices_go_to_the_lowest_numbered_other_active_sim_of_the_same_national_id()
    {
        var sim = Sim(Expiring);
        IReadOnlyList<SimCard> others = [Sim("09191234567"), Sim(OtherSimOfSample), Sim("09101234567", status: SimCardStatus.Expired)];

        var (result, events, messages) = ExpireSimCardHandler.Decide(new ExpireSimCard(Expiring, "staff agent"), sim, others, Now);

        Assert.Equal(new SimExpiryResult(SimExpiryOutcome.Expired, OtherSimOfSample), result);
        Assert.Equal(new SimCardExpired(sim.Id, Expiring, Owner, OtherSimOfSample, "staff agent", Now), Assert.Single(events));
        Assert.Equal(new SimExpired(Expiring, Owner, OtherSimOfSample, Now), Assert.Single(messages));
        Assert.Equal(SimCardStatus.Expired, sim.Apply((SimCardExpired)events[0]).Status);
    }

    [Fact]
    public void Without_another_active_sim_the_devices_are_left_without_an_owner()
    {
        var (result, _, messages) = ExpireSimCardHandler.Decide(new ExpireSimCard(Expiring, "operator demo"), Sim(Expiring), [Sim(OtherSimOfSample, status: SimCardStatus.Expired)], Now);

        Assert.Equal(new SimExpiryResult(SimExpiryOutcome.Expired), result);
        Assert.Equal(new SimExpired(Expiring, Owner, null, Now), Assert.Single(messages));
    }

    [Fact]
    public void A_sim_expires_once_and_an_unknown_sim_not_at_all()
    {
        var again = ExpireSimCardHandler.Decide(new ExpireSimCard(Expiring, "operator demo"), Sim(Expiring, status: SimCardStatus.Expired), [], Now);
        var unknown = ExpireSimCardHandler.Decide(new ExpireSimCard(Expiring, "operator demo"), null, [], Now);

        Assert.Equal((SimExpiryOutcome.AlreadyExpired, 0, 0), (again.Item1.Outcome, again.Item2.Count, again.Item3.Count));
        Assert.Equal((SimExpiryOutcome.UnknownSim, 0, 0), (unknown.Item1.Outcome, unknown.Item2.Count, unknown.Item3.Count));
    }

    [Fact]
    public void A_device_of_the_expired_sim_moves_to_the_successor_and_stays_with_the_national_id()
    {
        var move = SimExpiredHandler.Decide(new SimExpired(Expiring, Owner, OtherSimOfSample, Now), OwnedBy(Expiring));

        Assert.Equal(new OwnerSimExpired(DeviceId, Expiring, OtherSimOfSample, Now), move);
        var moved = OwnedBy(Expiring).Apply(move!);
        Assert.Equal((OtherSimOfSample, Owner, DeviceState.Owned), (moved.OwnerSim, moved.OwnerNationalId, moved.State));
    }

    [Fact]
    public void Without_a_successor_the_device_has_no_owner_and_remembers_the_expired_sim_as_its_last_owner()
    {
        var move = SimExpiredHandler.Decide(new SimExpired(Expiring, Owner, null, Now), OwnedBy(Expiring));

        var ownerless = OwnedBy(Expiring).Apply(move!);
        Assert.Equal(((string?)null, (string?)null, (string?)Expiring, DeviceState.Ownerless), (ownerless.OwnerSim, ownerless.OwnerNationalId, ownerless.LastOwnerSim, ownerless.State));
    }

    [Fact]
    public void A_device_of_another_sim_does_not_move()
    {
        Assert.Null(SimExpiredHandler.Decide(new SimExpired(Expiring, Owner, null, Now), OwnedBy(OtherSimOfSample)));
    }
}
