using Hamta.Kernel.Security;
using Hamta.Sim.Contracts;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Marten;

namespace Hamta.Sim.Kartable;

public static class VerifyKartablePasswordHandler
{
    public static async Task<(KartablePassword?, KartablePasswordTries?)> LoadAsync(
        VerifyKartablePassword command, IQuerySession session, CancellationToken cancellation) =>
        (await session.LoadAsync<KartablePassword>(command.Sim, cancellation), await session.LoadAsync<KartablePasswordTries>(command.Sim, cancellation));

    public static (KartablePasswordCheck, IMartenOp) Handle(
        VerifyKartablePassword command, KartablePassword? password, KartablePasswordTries? tries, TimeProvider clock, IOptions<LockoutSettings> lockouts) =>
        Decide(command, password, tries, clock.GetUtcNow(), lockouts.Value.KartablePassword);

    /// <summary>
    /// A locked SIM is refused before its password is looked at, so the right password does not open it early;
    /// each wrong password counts, and a right one clears the count and the back-off.
    /// </summary>
    public static (KartablePasswordCheck, IMartenOp) Decide(
        VerifyKartablePassword command, KartablePassword? password, KartablePasswordTries? tries, DateTimeOffset now, LockoutPolicy policy)
    {
        if (password is null)
        {
            return (new KartablePasswordCheck(KartablePasswordVerdict.NotSet), MartenOps.Nothing());
        }

        var lockout = tries?.Lockout ?? Lockout.None;
        if (lockout.LeftAt(now) is var left && left > TimeSpan.Zero)
        {
            return (new KartablePasswordCheck(KartablePasswordVerdict.Locked, Lockout.MinutesOf(left)), MartenOps.Nothing());
        }

        if (!password.Matches(command.Password))
        {
            var failed = lockout.Failed(policy, now);
            var lockedMinutes = Lockout.MinutesOf(failed.LeftAt(now));
            return (lockedMinutes > 0 ? new KartablePasswordCheck(KartablePasswordVerdict.Locked, lockedMinutes) : new KartablePasswordCheck(KartablePasswordVerdict.Wrong),
                MartenOps.Store(new KartablePasswordTries(command.Sim, failed)));
        }

        return (new KartablePasswordCheck(KartablePasswordVerdict.Matches), tries is null ? MartenOps.Nothing() : MartenOps.Delete(tries));
    }
}
