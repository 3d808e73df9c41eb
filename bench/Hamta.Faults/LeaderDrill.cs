using System.Diagnostics;
using Hamta.Bench;

namespace Hamta.Faults;

/// <summary>
/// Two nodes (web and worker each, one database, <c>Hamta:SingleNode=false</c>) under 16 subscribers filing tickets, eight
/// on each; the node holding Wolverine's leadership (which runs the agents) is killed -9 and not restarted. The other
/// must take the leadership and the dead node's waiting messages within 10 s, every ticket accepted must get its SMS
/// once, and each recurring Hangfire job (every minute here) must run once per minute, never twice, never skipped.
/// </summary>
public sealed class LeaderDrill : IDrill
{
    private const int ClientsPerNode = 8;
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan AfterKill = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan TakeoverLimit = TimeSpan.FromMinutes(2);

    /// <summary>Every recurring job once a minute, so that the drill sees several schedules on each side of the kill.</summary>
    private static readonly Dictionary<string, string> EveryMinute = new()
    {
        ["Hamta__Jobs__recheck-network-evidence"] = "* * * * *",
        ["Hamta__Jobs__auto-close-resolved"] = "* * * * *",
        ["Hamta__Jobs__remind-unanswered"] = "* * * * *",
        ["Hamta__Jobs__maintain-sighting-partitions"] = "* * * * *",
    };

    public string Name => "leader";

    public async Task<IReadOnlyList<DrillRow>> RunAsync(FaultContext context)
    {
        var database = context.Database;
        var hosts = new HostProcess?[2];
        var nodeIds = new Guid[2];
        var loads = new TicketLoad[2];
        var portals = new List<Portal>();
        using var stop = new CancellationTokenSource();
        using var abandonDead = new CancellationTokenSource();
        try
        {
            for (var node = 0; node < 2; node++)
            {
                var before = await NodeIdsAsync(database);
                (hosts[node], _) = await context.StartServingAsync(node, EveryMinute);
                nodeIds[node] = await NewNodeAsync(database, before);
            }

            var from = await database.ScalarAsync<DateTime>("select now()");
            var filing = new Task[2];
            for (var node = 0; node < 2; node++)
            {
                var nodePortals = await context.SignInAsync(node, ClientsPerNode);
                portals.AddRange(nodePortals);
                loads[node] = new TicketLoad(nodePortals, $"leader{node}");
            }

            var leader = Array.IndexOf(nodeIds, await LeaderAsync(database, TakeoverLimit));
            if (leader < 0)
            {
                throw new InvalidOperationException("neither node of the drill holds Wolverine's leadership");
            }

            var survivor = 1 - leader;
            for (var node = 0; node < 2; node++)
            {
                filing[node] = loads[node].RunAsync(stop.Token, node == leader ? abandonDead.Token : CancellationToken.None);
            }

            await Task.Delay(BeforeKill);
            var deadNumber = await database.ScalarAsync<int>($"select node_number from wolverine.wolverine_nodes where id = '{nodeIds[leader]}'");
            var pendingAtKill = await PendingOfAsync(database, deadNumber);
            await hosts[leader]!.KillAsync();
            var killed = Stopwatch.StartNew();
            await abandonDead.CancelAsync();
            context.Say(FaultContext.F($"  node {leader} (Wolverine's leader, node number {deadNumber}) killed with {pendingAtKill} of its messages waiting"));

            var takeover = await TakeoverAsync(database, nodeIds[survivor], TakeoverLimit);
            var released = takeover + await ReleasedAsync(database, deadNumber, TakeoverLimit);
            var jobServerGone = await JobServerGoneAsync(database, hosts[leader]!.Pid, TakeoverLimit);
            context.Say(FaultContext.F($"  node {survivor} leads {takeover:0.0} s after the kill; the dead node's messages released after {released:0.0} s"));
            var rest = AfterKill - killed.Elapsed;
            await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero);
            await stop.CancelAsync();
            await Task.WhenAll(filing);
            var quiet = await context.WaitForQuietAsync(TimeSpan.FromMinutes(2));
            var to = await database.ScalarAsync<DateTime>("select now()");

            var accounts = new[] { await TicketAccount.OfAsync(database, "leader0", loads[0].Filed), await TicketAccount.OfAsync(database, "leader1", loads[1].Filed) };
            var jobs = await JobsAsync(database, from, to);
            var deadLetters = await context.DeadLettersAsync();
            var lost = accounts.Sum(a => a.Lost);
            var duplicated = accounts.Sum(a => a.Duplicated);
            var smsTwice = accounts.Sum(a => a.SmsTwice);
            var smsNever = accounts.Sum(a => a.SmsNever);
            var met = takeover <= 10 && released <= 10 && lost == 0 && duplicated == 0 && smsTwice == 0 && smsNever == 0 && deadLetters == 0
                && jobs.Twice == 0 && jobs.Missed == 0 && jobs.NotSucceeded == 0;
            return
            [
                new DrillRow(
                    "two nodes (web and worker each), Wolverine's leader killed -9 under 16 clients filing tickets, not restarted",
                    FaultContext.F($"leadership taken over after {takeover:0.0} s; the dead node's {pendingAtKill} waiting messages released after {released:0.0} s; ")
                        + FaultContext.F($"{accounts.Sum(a => a.Accepted)} tickets accepted, {lost} lost, {duplicated} duplicated; SMS twice or more {smsTwice} / never {smsNever}; {deadLetters} dead letters; ")
                        + FaultContext.F($"recurring jobs over {jobs.Minutes} minutes × {jobs.Jobs}: once {jobs.Once}, twice or more {jobs.Twice}, skipped {jobs.Missed}, not succeeded {jobs.NotSucceeded}"),
                    "≤ 10 s, all handled, each job once per schedule",
                    met,
                    [
                        FaultContext.F($"the dead node's Hangfire server removed {jobServerGone:0.0} s after the kill; inbox and outbox empty {quiet.TotalSeconds:0.0} s after the load stopped"),
                        FaultContext.F($"{accounts[leader].Unanswered} posts to the killed node abandoned with it (a load balancer would send them to the other node)"),
                    ]),
            ];
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var host in hosts)
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
            }

            foreach (var portal in portals)
            {
                portal.Dispose();
            }
        }
    }

    private static async Task<HashSet<Guid>> NodeIdsAsync(Database database) =>
        [.. (await database.RowsAsync("select id from wolverine.wolverine_nodes")).Select(r => (Guid)r[0])];

    /// <summary>The node a Host just started registered (the one not there before it), once Wolverine has written it.</summary>
    private static async Task<Guid> NewNodeAsync(Database database, HashSet<Guid> before)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TakeoverLimit)
        {
            if ((await NodeIdsAsync(database)).Except(before).ToList() is [var id])
            {
                return id;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the Host registered no Wolverine node");
    }

    private static async Task<Guid?> LeaderOrNoneAsync(Database database) =>
        (await database.RowsAsync("select node_id from wolverine.wolverine_node_assignments where id like 'wolverine://leader%'"))
            .Select(r => r[0] as Guid?).FirstOrDefault();

    private static async Task<Guid> LeaderAsync(Database database, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await LeaderOrNoneAsync(database) is { } leader)
            {
                return leader;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("no node took Wolverine's leadership");
    }

    /// <summary>Seconds from now until <paramref name="survivor"/> holds the leadership.</summary>
    private static async Task<double> TakeoverAsync(Database database, Guid survivor, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && await LeaderOrNoneAsync(database) != survivor)
        {
            await Task.Delay(100);
        }

        return watch.Elapsed < limit ? watch.Elapsed.TotalSeconds : double.PositiveInfinity;
    }

    private static Task<long> PendingOfAsync(Database database, int nodeNumber) => database.ScalarAsync<long>($"""
        select (select count(*) from wolverine.wolverine_incoming_envelopes where owner_id = {nodeNumber} and status <> 'Handled')
             + (select count(*) from wolverine.wolverine_outgoing_envelopes where owner_id = {nodeNumber})
        """);

    /// <summary>Seconds from now (the new leader has just taken over) until no message is left owned by the dead node.</summary>
    private static async Task<double> ReleasedAsync(Database database, int nodeNumber, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && await PendingOfAsync(database, nodeNumber) > 0)
        {
            await Task.Delay(100);
        }

        return watch.Elapsed < limit ? watch.Elapsed.TotalSeconds : double.PositiveInfinity;
    }

    private static async Task<double> JobServerGoneAsync(Database database, int pid, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && await database.ScalarAsync<long>($"select count(*) from hangfire.server where id like '%:{pid}:%'") > 0)
        {
            await Task.Delay(250);
        }

        return watch.Elapsed < limit ? watch.Elapsed.TotalSeconds : double.PositiveInfinity;
    }

    private sealed record JobRuns(int Jobs, int Minutes, int Once, int Twice, int Missed, int NotSucceeded);

    /// <summary>
    /// The runs per whole minute between <paramref name="from"/> and <paramref name="to"/> of the recurring jobs the drill
    /// schedules every minute (the others keep their hourly or daily schedules): each job's occurrence of each minute
    /// (Hangfire's <c>Time</c> parameter) should have one job, and it should have succeeded.
    /// </summary>
    private static async Task<JobRuns> JobsAsync(Database database, DateTime from, DateTime to)
    {
        var jobs = string.Join(", ", EveryMinute.Keys.Select(k => $"'{k["Hamta__Jobs__".Length..]}'"));
        var rows = await database.RowsAsync($"""
            with minutes as (
              select generate_series(date_trunc('minute', '{from:O}'::timestamptz) + interval '1 minute',
                                     date_trunc('minute', '{to:O}'::timestamptz) - interval '1 minute', interval '1 minute') m),
            recurring as (select unnest(array[{jobs}]) job),
            runs as (
              select trim(both '"' from p.value) job, date_trunc('minute', j.createdat) m, j.statename
              from hangfire.job j join hangfire.jobparameter p on p.jobid = j.id and p.name = 'RecurringJobId')
            select r.job, mi.m, count(x.m), count(x.m) filter (where x.statename <> 'Succeeded')
            from recurring r cross join minutes mi left join runs x on x.job = r.job and x.m = mi.m
            group by r.job, mi.m
            """);
        var counts = rows.Select(r => (Job: (string)r[0], Runs: (long)r[2], Failed: (long)r[3])).ToList();
        return new JobRuns(
            counts.Select(c => c.Job).Distinct().Count(),
            counts.Count == 0 ? 0 : counts.Count / counts.Select(c => c.Job).Distinct().Count(),
            counts.Count(c => c.Runs == 1),
            counts.Count(c => c.Runs > 1),
            counts.Count(c => c.Runs == 0),
            (int)counts.Sum(c => c.Failed));
    }
}
