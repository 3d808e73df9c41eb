using Hamta.Kernel.Security;
using Hamta.Sim.Contracts;
using Hamta.Sim.SimCards;
using Marten;
using Wolverine.Marten;

namespace Hamta.Sim.Login;

public static class VerifyLoginCodeHandler
{
    public static async Task<(SimCard?, LoginChallenge?)> LoadAsync(VerifyLoginCode command, IQuerySession session, CancellationToken cancellation)
    {
        var sim = await session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == command.Mobile, cancellation);
        var challenge = await session.LoadAsync<LoginChallenge>(command.Mobile, cancellation);
        return (sim, challenge);
    }

    public static (LoginVerificationResult, IMartenOp) Handle(VerifyLoginCode command, SimCard? sim, LoginChallenge? challenge, TimeProvider clock) =>
        Decide(command, sim, challenge, clock.GetUtcNow());

    /// <summary>A code signs in once, before it expires and before too many wrong tries void it; only an active SIM signs in.</summary>
    public static (LoginVerificationResult, IMartenOp) Decide(VerifyLoginCode command, SimCard? sim, LoginChallenge? challenge, DateTimeOffset now)
    {
        if (challenge is null || challenge.CodeHash.Length == 0)
        {
            return (new LoginVerificationResult(LoginVerificationOutcome.NoActiveCode), MartenOps.Nothing());
        }

        if (challenge.IsLockedOut)
        {
            return (new LoginVerificationResult(LoginVerificationOutcome.LockedOut), MartenOps.Nothing());
        }

        if (challenge.IsExpired(now))
        {
            return (new LoginVerificationResult(LoginVerificationOutcome.Expired), MartenOps.Nothing());
        }

        if (!CodeHash.Matches(challenge.CodeHash, command.Mobile, command.Code))
        {
            var failed = challenge.WithFailedAttempt();
            var outcome = failed.IsLockedOut ? LoginVerificationOutcome.LockedOut : LoginVerificationOutcome.WrongCode;
            return (new LoginVerificationResult(outcome, TriesLeft: failed.TriesLeft), MartenOps.Store(failed));
        }

        if (sim is not { Status: SimCardStatus.Active })
        {
            return (new LoginVerificationResult(LoginVerificationOutcome.NoActiveCode), MartenOps.Store(challenge.Consumed()));
        }

        var subscriber = new KartableSubscriber(sim.Number, sim.NationalId, sim.HolderName);
        return (new LoginVerificationResult(LoginVerificationOutcome.SignedIn, subscriber), MartenOps.Store(challenge.Consumed()));
    }
}
