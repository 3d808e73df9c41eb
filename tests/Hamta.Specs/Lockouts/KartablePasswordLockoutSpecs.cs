using Hamta.Kernel.Security;
using Hamta.Sim.Contracts;
using Hamta.Sim.Kartable;
using Wolverine.Marten;

namespace Hamta.Specs.Lockouts;

public sealed class KartablePasswordLockoutSpecs
{
    private const string Sim = SampleMobile;
    private const string Right = "kartable-pass-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly LockoutPolicy Policy = new() { MaxFailures = 5, FirstLockMinutes = 15, LongestLockMinutes = 24 * 60 };
    private static readonly KartablePassword Password = KartablePassword.For(Sim, Right);

    private static (KartablePasswordCheck Check, IMartenOp Op) Try(string password, KartablePasswordTries? tries, DateTimeOffset at) =>
        VerifyKartablePasswordHandler.Decide(new VerifyKartablePassword(Sim, password), Password, tries, at, Policy);

    private static KartablePasswordTries? Stored(IMartenOp op) => op is StoreDoc<KartablePasswordTries> { Document: KartablePasswordTries tries } ? tries : null;

    [Fact]
    public void The_fifth_wrong_password_locks_the_sim_and_says_for_how_long()
    {
        KartablePasswordTries? tries = null;
        for (var i = 0; i < 4; i++)
        {
            var (check, op) = Try("wrong-password", tries, Now);
            Assert.Equal(new KartablePasswordCheck(KartablePasswordVerdict.Wrong), check);
            tries = Stored(op);
        }

        var (locking, lockingOp) = Try("wrong-password", tries, Now);
        Assert.Equal(new KartablePasswordCheck(KartablePasswordVerdict.Locked, 15), locking);

        var (rightButLocked, nothing) = Try(Right, Stored(lockingOp), Now.AddMinutes(14));
        Assert.Equal(new KartablePasswordCheck(KartablePasswordVerdict.Locked, 1), rightButLocked);
        Assert.Null(Stored(nothing));
    }

    [Fact]
    public void After_the_lock_the_right_password_matches_and_clears_the_back_off()
    {
        var tries = new KartablePasswordTries(Sim, new Lockout(0, 2, Now.AddMinutes(30)));

        var (check, op) = Try(Right, tries, Now.AddMinutes(30));

        Assert.Equal(KartablePasswordVerdict.Matches, check.Verdict);
        Assert.IsType<DeleteDoc<KartablePasswordTries>>(op);
    }

    [Fact]
    public void The_second_lock_lasts_twice_as_long()
    {
        var tries = new KartablePasswordTries(Sim, new Lockout(4, 1, Now));

        var (check, _) = Try("wrong-password", tries, Now);

        Assert.Equal(30, check.LockedMinutes);
    }

    [Fact]
    public void A_sim_without_a_password_counts_nothing()
    {
        var (check, op) = VerifyKartablePasswordHandler.Decide(new VerifyKartablePassword(Sim, "anything"), null, null, Now, Policy);

        Assert.Equal(KartablePasswordVerdict.NotSet, check.Verdict);
        Assert.Null(Stored(op));
    }

    [Fact]
    public void Wrong_current_passwords_on_a_change_count_towards_the_same_lock()
    {
        var tries = new KartablePasswordTries(Sim, new Lockout(4, 0, null));

        var (locked, counted, nothing) = SetKartablePasswordHandler.Decide(new SetKartablePassword(Sim, "wrong-password", "new-password-1"), Password, tries, Now, Policy);
        Assert.Equal(new KartablePasswordResult(KartablePasswordOutcome.Locked, 15), locked);
        Assert.Null(Stored(nothing));

        var (rightButLocked, _, notSet) = SetKartablePasswordHandler.Decide(new SetKartablePassword(Sim, Right, "new-password-1"), Password, Stored(counted), Now.AddMinutes(1), Policy);
        Assert.Equal(new KartablePasswordResult(KartablePasswordOutcome.Locked, 14), rightButLocked);
        Assert.IsNotType<StoreDoc<KartablePassword>>(notSet);
    }
}
