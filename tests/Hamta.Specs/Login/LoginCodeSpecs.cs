using Hamta.Sim.Contracts;
using Hamta.Sim.Login;
using Hamta.Sim.SimCards;

namespace Hamta.Specs.Login;

/// <summary>What a request for a login code gets, and what the code page is told, from the challenge and the time alone.</summary>
public sealed class LoginCodeSpecs
{
    private const string Mobile = SampleMobile;
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static LoginChallenge Issued(int codes, DateTimeOffset at) =>
        Enumerable.Range(0, codes).Aggregate<int, LoginChallenge?>(null,
            (previous, i) => LoginChallenge.Issue(Mobile, "hash", previous, i == codes - 1 ? at : Now.AddSeconds(61 * i)))!;

    private static LoginCodeRequestResult Ask(LoginChallenge? challenge, DateTimeOffset at) =>
        RequestLoginCodeHandler.Handle(new RequestLoginCode(Mobile), null, challenge, new FixedClock(at)).Item1;

    [Fact]
    public void Within_the_minute_no_code_is_sent_and_the_wait_is_what_is_left_of_it()
    {
        Assert.Equal(new LoginCodeRequestResult(LoginCodeRequestOutcome.CooldownActive, 40), Ask(Issued(1, Now), Now.AddSeconds(20)));
    }

    [Fact]
    public void Right_after_the_fifth_code_the_wait_runs_to_the_end_of_the_hour_not_of_the_minute()
    {
        var fifth = Issued(5, Now.AddMinutes(4));

        Assert.Equal(new LoginCodeRequestResult(LoginCodeRequestOutcome.CooldownActive, 56 * 60), Ask(fifth, Now.AddMinutes(4)));
        Assert.Equal(new LoginCodeRequestResult(LoginCodeRequestOutcome.TooManyRequests, 55 * 60), Ask(fifth, Now.AddMinutes(5)));
        Assert.Equal(LoginCodeRequestOutcome.Sent, Ask(fifth, Now.AddHours(1)).Outcome);
    }

    [Fact]
    public void The_status_tells_until_when_the_code_works_and_when_the_next_can_be_had()
    {
        var challenge = Issued(1, Now);

        Assert.Equal(new LoginCodeStatus(Now, Now.AddMinutes(2), Now.AddMinutes(1), false), GetLoginCodeStatusHandler.StatusOf(challenge, Now.AddSeconds(10)));
        Assert.Null(GetLoginCodeStatusHandler.StatusOf(challenge.Consumed(), Now.AddSeconds(10)).ValidUntil);
        Assert.Null(GetLoginCodeStatusHandler.StatusOf(challenge, Now.AddMinutes(2)).ValidUntil);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void A_number_without_a_sim_is_answered_as_one_with_a_sim_but_sent_nothing(int codesBefore)
    {
        var sim = new SimCard(Guid.NewGuid(), Mobile, SampleNationalId, "کاربر نمونه", "MCI", SimCardStatus.Active);
        var challenge = codesBefore == 0 ? null : Issued(codesBefore, Now);
        var at = Now.AddMinutes(5);

        var withSim = RequestLoginCodeHandler.Handle(new RequestLoginCode(Mobile), sim, challenge, new FixedClock(at));
        var withoutSim = RequestLoginCodeHandler.Handle(new RequestLoginCode(Mobile), null, challenge, new FixedClock(at));

        Assert.Equal(withSim.Item1, withoutSim.Item1);
        Assert.Empty(withoutSim.Item3);
        Assert.Equal(withSim.Item1.Outcome == LoginCodeRequestOutcome.Sent ? 1 : 0, withSim.Item3.Count);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
