using Hamta.Enforcement.States;

namespace Hamta.Specs.Enforcement;

/// <summary>An IMEI's state as of a moment is its enforcement changes up to then, folded.</summary>
public sealed class TrailSpecs
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 30, 0, TimeSpan.Zero);
    private static readonly Guid Run = Guid.NewGuid();

    private static ImeiChange Change(string condition, string change, int day, int? deadlineDay = null) =>
        new(condition, change, "test", Start.AddDays(day), Run, deadlineDay is { } d ? Start.AddDays(d) : null);

    [Fact]
    public void A_condition_met_reminded_and_blocked_keeps_its_first_deadline_and_records_when()
    {
        var state = Assert.Single(ImeiTrail.Fold(
        [
            Change("not-registered", ImeiTrail.Met, 0, 30),
            Change("not-registered", ImeiTrail.Reminded, 25, 30),
            Change("not-registered", ImeiTrail.Blocked, 30, 30),
        ]));

        Assert.Equal(new ImeiConditionState("not-registered", Start, Start.AddDays(30), Start.AddDays(25), Start.AddDays(30)), state);
    }

    [Fact]
    public void A_lifted_condition_is_gone_and_met_again_starts_afresh()
    {
        var history = new[]
        {
            Change("non-owner-sim", ImeiTrail.Met, 0, 30),
            Change("non-owner-sim", ImeiTrail.Reminded, 25, 30),
            Change("non-owner-sim", ImeiTrail.Lifted, 26),
            Change("non-owner-sim", ImeiTrail.Met, 40, 70),
        };

        Assert.Empty(ImeiTrail.Fold(history.Take(3)));
        Assert.Equal(new ImeiConditionState("non-owner-sim", Start.AddDays(40), Start.AddDays(70), null, null), Assert.Single(ImeiTrail.Fold(history)));
    }

    [Fact]
    public void An_immediate_block_opens_blocked_and_conditions_stay_apart()
    {
        var states = ImeiTrail.Fold(
        [
            Change("not-registered", ImeiTrail.Met, 0, 30),
            Change("lost-stolen", ImeiTrail.Blocked, 2, 2),
            Change("not-registered", ImeiTrail.Lifted, 3),
        ]);

        Assert.Equal([new ImeiConditionState("lost-stolen", Start.AddDays(2), Start.AddDays(2), null, Start.AddDays(2))], states);
    }
}
