using Hamta.Sim.Contracts;
using Hamta.Sim.SimCards;

namespace Hamta.Specs.Sim;

/// <summary>Given a SIM card, when the portal asks whether it may act for a national ID, then only an active SIM of that national ID may.</summary>
public sealed class SimOwnershipSpecs
{
    private static readonly SimCard Active = new(Guid.Parse("5a1b2c3d-0000-4000-8000-000000000001"), SampleMobile, SampleNationalId, "کاربر نمونه", "MCI", SimCardStatus.Active);

    private static SimOwnership When(SimCard? sim, string nationalId = SampleNationalId) =>
        CheckSimOwnershipHandler.Decide(new CheckSimOwnership(SampleMobile, nationalId), sim);

    [Fact]
    public void An_active_sim_of_the_national_id_is_its_own() => Assert.Equal(SimOwnership.Owner, When(Active));

    [Fact]
    public void A_sim_of_another_national_id_is_not() => Assert.Equal(SimOwnership.OtherNationalId, When(Active, SecondUserNationalId));

    [Fact]
    public void An_expired_sim_acts_for_nobody() => Assert.Equal(SimOwnership.Expired, When(Active with { Status = SimCardStatus.Expired }));

    [Fact]
    public void An_unknown_sim_acts_for_nobody() => Assert.Equal(SimOwnership.UnknownSim, When(null));
}
