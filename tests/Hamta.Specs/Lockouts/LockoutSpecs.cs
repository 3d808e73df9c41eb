using Hamta.Kernel.Security;

namespace Hamta.Specs.Lockouts;

public sealed class LockoutSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly LockoutPolicy Policy = new() { MaxFailures = 5, FirstLockMinutes = 15, LongestLockMinutes = 60 };

    private static Lockout FailTimes(Lockout lockout, int times, DateTimeOffset at)
    {
        for (var i = 0; i < times; i++)
        {
            lockout = lockout.Failed(Policy, at);
        }

        return lockout;
    }

    [Fact]
    public void Four_wrong_tries_only_count_and_the_fifth_locks_for_the_first_period()
    {
        var four = FailTimes(Lockout.None, 4, Now);
        Assert.Equal(TimeSpan.Zero, four.LeftAt(Now));

        var five = four.Failed(Policy, Now);
        Assert.Equal(TimeSpan.FromMinutes(15), five.LeftAt(Now));
        Assert.Equal(TimeSpan.FromMinutes(5), five.LeftAt(Now.AddMinutes(10)));
        Assert.Equal(TimeSpan.Zero, five.LeftAt(Now.AddMinutes(15)));
    }

    [Fact]
    public void Each_further_lock_lasts_twice_the_one_before_up_to_the_longest()
    {
        var lockout = Lockout.None;
        var at = Now;
        var lengths = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            lockout = FailTimes(lockout, 5, at);
            var left = lockout.LeftAt(at);
            lengths.Add(left.TotalMinutes);
            at += left;
        }

        Assert.Equal([15, 30, 60, 60, 60], lengths);
    }

    [Fact]
    public void A_huge_number_of_locks_stays_at_the_longest_lock()
    {
        Assert.Equal(TimeSpan.FromMinutes(60), Policy.LockFor(int.MaxValue));
        Assert.Equal(TimeSpan.FromMinutes(24 * 60), new LockoutPolicy().LockFor(1_000));
    }

    [Fact]
    public void Minutes_to_wait_are_rounded_up()
    {
        Assert.Equal(1, Lockout.MinutesOf(TimeSpan.FromSeconds(1)));
        Assert.Equal(15, Lockout.MinutesOf(TimeSpan.FromMinutes(15)));
    }
}
