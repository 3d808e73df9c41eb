using Hamta.Kernel.Security;
using Hamta.Sim.Contracts;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Marten;

namespace Hamta.Sim.Kartable;

public static class SetKartablePasswordHandler
{
    public static async Task<(KartablePassword?, KartablePasswordTries?)> LoadAsync(
        SetKartablePassword command, IQuerySession session, CancellationToken cancellation) =>
        (await session.LoadAsync<KartablePassword>(command.Sim, cancellation), await session.LoadAsync<KartablePasswordTries>(command.Sim, cancellation));

    public static (KartablePasswordResult, IMartenOp, IMartenOp) Handle(
        SetKartablePassword command, KartablePassword? current, KartablePasswordTries? tries, TimeProvider clock, IOptions<LockoutSettings> lockouts) =>
        Decide(command, current, tries, clock.GetUtcNow(), lockouts.Value.KartablePassword);

    /// <summary>The current password is checked as a transfer checks it: its wrong tries count towards the same lock.</summary>
    public static (KartablePasswordResult, IMartenOp, IMartenOp) Decide(
        SetKartablePassword command, KartablePassword? current, KartablePasswordTries? tries, DateTimeOffset now, LockoutPolicy policy)
    {
        IMartenOp counted = MartenOps.Nothing();
        if (current is not null)
        {
            (var check, counted) = VerifyKartablePasswordHandler.Decide(
                new VerifyKartablePassword(command.Sim, command.CurrentPassword ?? string.Empty), current, tries, now, policy);
            if (check.Verdict == KartablePasswordVerdict.Locked)
            {
                return (new KartablePasswordResult(KartablePasswordOutcome.Locked, check.LockedMinutes), counted, MartenOps.Nothing());
            }

            if (check.Verdict != KartablePasswordVerdict.Matches)
            {
                return (new KartablePasswordResult(KartablePasswordOutcome.WrongCurrentPassword), counted, MartenOps.Nothing());
            }
        }

        if (command.NewPassword.Length < KartablePassword.MinLength)
        {
            return (new KartablePasswordResult(KartablePasswordOutcome.TooShort), counted, MartenOps.Nothing());
        }

        return (new KartablePasswordResult(KartablePasswordOutcome.Set), counted, MartenOps.Store(KartablePassword.For(command.Sim, command.NewPassword)));
    }
}
