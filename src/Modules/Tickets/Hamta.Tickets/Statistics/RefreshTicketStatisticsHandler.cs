using Hamta.Kernel.Time;
using Hamta.Tickets.Contracts;
using Marten;
using Npgsql;

namespace Hamta.Tickets.Statistics;

/// <summary>
/// Counts again, set-based and in one transaction, the last days (a ticket filed or settled today changes only today's
/// row; the first count, and one after a pause, go back further: <see cref="CountingWindow"/>) and the open tickets. Reads the ticket documents through their indexes on the filing and
/// settlement times and on the status; page views read only the counts (ADR 21).
/// </summary>
public static class RefreshTicketStatisticsHandler
{
    private static readonly int[] OpenStatuses =
        [.. new[] { TicketStatus.Submitted, TicketStatus.AwaitingNetworkEvidence, TicketStatus.InReview, TicketStatus.AwaitingSubscriber }.Select(s => (int)s)];

    public static async Task Handle(RefreshTicketStatistics command, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        var functions = store.Options.DatabaseSchemaName;
        var tickets = $"{TicketsModule.Schema}.mt_doc_ticket";
        var opened = $"{functions}.mt_immutable_timestamptz(data ->> 'OpenedAt')";
        var settled = $"{functions}.mt_immutable_timestamptz(data ->> 'SettledAt')";
        var resolved = $"(data ->> 'SettledAs')::integer = {(int)TicketStatus.Resolved}";
        var automatic = "coalesce((data ->> 'ResolvedAutomatically')::boolean, false)";
        var bucket = ResolutionTimes.BucketSql($"{settled} - {opened}");
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await DailyRecount.RunAsync(
            connection,
            StatisticsTables.DailyCounts.QualifiedName,
            $"select counted_at from {StatisticsTables.Counted} where id = 1",
            $"select min({opened}) from {tickets}",
            Math.Min(command.Days, RefreshTicketStatistics.MaxDays),
            $"""
            delete from {StatisticsTables.DailyCounts} where day >= @first;
            delete from {StatisticsTables.ResolutionTimes} where day >= @first;
            insert into {StatisticsTables.DailyCounts} (day, subject, opened, closed, resolved_automatically, resolved_by_agent)
            select day, subject, sum(opened), sum(closed), sum(automatic), sum(by_agent) from (
                select ({opened} at time zone 'Asia/Tehran')::date as day, (data ->> 'Subject')::integer as subject, 1 as opened, 0 as closed, 0 as automatic, 0 as by_agent
                from {tickets} where {opened} >= @from and {opened} < @to
                union all
                select ({settled} at time zone 'Asia/Tehran')::date, (data ->> 'Subject')::integer, 0, 1,
                       case when {resolved} and {automatic} then 1 else 0 end, case when {resolved} and not {automatic} then 1 else 0 end
                from {tickets} where {settled} >= @from and {settled} < @to) counted
            group by day, subject;
            insert into {StatisticsTables.ResolutionTimes} (day, subject, bucket, tickets)
            select ({settled} at time zone 'Asia/Tehran')::date, (data ->> 'Subject')::integer, {bucket}, count(*)
            from {tickets} where {settled} >= @from and {settled} < @to and {resolved}
            group by 1, 2, 3;
            delete from {StatisticsTables.Backlog};
            insert into {StatisticsTables.Backlog} (status, opened_day, tickets)
            select (data ->> 'Status')::integer, ({opened} at time zone 'Asia/Tehran')::date, count(*)
            from {tickets} where (data ->> 'Status')::integer = any(@open)
            group by 1, 2;
            insert into {StatisticsTables.Counted} (id, counted_at) values (1, @now) on conflict (id) do update set counted_at = excluded.counted_at;
            """,
            clock.GetUtcNow(),
            cancellation,
            new NpgsqlParameter("open", OpenStatuses));
    }
}
