using Hamta.Kernel.Notifications;
using Hamta.Kernel.Security;
using Hamta.Sim.Contracts;
using Hamta.Sim.SimCards;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Hamta.Sim.Login;

/// <summary>
/// Every well-formed number is answered alike, registered or not: the same challenge is issued and
/// counted (cooldown, hourly cap), and only an active SIM is sent the code, so neither the answer nor
/// its timing tells whether a number is registered.
/// </summary>
public static class RequestLoginCodeHandler
{
    public static async Task<(SimCard?, LoginChallenge?)> LoadAsync(RequestLoginCode command, IQuerySession session, CancellationToken cancellation)
    {
        var sim = await session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == command.Mobile, cancellation);
        var challenge = await session.LoadAsync<LoginChallenge>(command.Mobile, cancellation);
        return (sim, challenge);
    }

    public static (LoginCodeRequestResult, IMartenOp, OutgoingMessages) Handle(
        RequestLoginCode command, SimCard? sim, LoginChallenge? challenge, TimeProvider clock) =>
        Decide(command, sim, challenge, OneTimeCode.New(), clock.GetUtcNow());

    /// <summary>A new challenge with <paramref name="code"/> after the cooldown and within the hour's cap; the code goes only to an active SIM.</summary>
    public static (LoginCodeRequestResult, IMartenOp, OutgoingMessages) Decide(
        RequestLoginCode command, SimCard? sim, LoginChallenge? challenge, string code, DateTimeOffset now)
    {
        if (challenge is not null && challenge.NextCodeAt(now) > now)
        {
            var outcome = challenge.CooldownLeft(now) > TimeSpan.Zero ? LoginCodeRequestOutcome.CooldownActive : LoginCodeRequestOutcome.TooManyRequests;
            return Refuse(outcome, challenge.NextCodeAt(now) - now);
        }

        var issued = LoginChallenge.Issue(command.Mobile, CodeHash.Of(command.Mobile, code), challenge, now);
        OutgoingMessages sms = sim is { Status: SimCardStatus.Active } ? [new SendSms(command.Mobile, SimTexts.LoginCodeSms(code), SmsKind.Secret)] : [];
        return (new LoginCodeRequestResult(LoginCodeRequestOutcome.Sent, (int)LoginChallenge.ResendCooldown.TotalSeconds),
            MartenOps.Store(issued), sms);
    }

    private static (LoginCodeRequestResult, IMartenOp, OutgoingMessages) Refuse(LoginCodeRequestOutcome outcome, TimeSpan retryAfter) =>
        (new LoginCodeRequestResult(outcome, (int)Math.Ceiling(retryAfter.TotalSeconds)), MartenOps.Nothing(), []);
}
