using Hamta.Enforcement.Blocking;
using Hamta.Enforcement.Contracts;

namespace Hamta.Specs.Enforcement;

/// <summary>Given an IMEI's immediate states, when a device is reported lost or found, then these states are added or lifted.</summary>
public sealed class ImmediateBlockSpecs
{
    private static readonly DateTimeOffset ReportedAt = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] SamsungImeis = [Samsung, SamsungSecondImei];

    [Fact]
    public void A_device_reported_lost_blocks_each_of_its_imeis_at_the_moment_of_the_report()
    {
        var states = ImmediateBlocks.Block(SamsungImeis, new HashSet<string>(), ImmediateBlocks.LostStolen, "سرقت", "case LS-1", ReportedAt);

        Assert.Equal(SamsungImeis, states.Select(s => s.Imei));
        Assert.All(states, s => Assert.Equal((ImmediateBlocks.LostStolen, ReportedAt), (s.Condition, s.At)));
        Assert.Single(ImmediateBlocks.Changed(states.Count, ReportedAt).OfType<EnforcementStatesChanged>());
    }

    [Fact]
    public void A_second_report_of_the_same_device_adds_nothing_and_publishes_nothing()
    {
        var states = ImmediateBlocks.Block(SamsungImeis, SamsungImeis.ToHashSet(), ImmediateBlocks.LostStolen, "سرقت", "case LS-1", ReportedAt);

        Assert.Empty(states);
        Assert.Empty(ImmediateBlocks.Changed(states.Count, ReportedAt));
    }

    [Fact]
    public void An_imei_named_twice_is_blocked_once()
    {
        var states = ImmediateBlocks.Block([SamsungImeis[0], SamsungImeis[0]], new HashSet<string>(), ImmediateBlocks.Manual, "حکم", "blocked by admin", ReportedAt);

        Assert.Single(states);
    }

    [Fact]
    public void Found_lifts_only_the_imeis_that_are_in_the_condition()
    {
        var lifted = ImmediateBlocks.Lift(SamsungImeis, new HashSet<string> { SamsungImeis[1] });

        Assert.Equal([SamsungImeis[1]], lifted);
        Assert.Empty(ImmediateBlocks.Lift(SamsungImeis, new HashSet<string>()));
    }
}
