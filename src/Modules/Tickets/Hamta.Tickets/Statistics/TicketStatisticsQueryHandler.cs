using Hamta.Kernel.Time;
using Hamta.Tickets.Contracts;
using Marten;
using Npgsql;

namespace Hamta.Tickets.Statistics;

/// <summary>The statistics of a period, read from the pre-counted tables only: three range reads by primary key.</summary>
public static class TicketStatisticsQueryHandler
{
    public static async Task<TicketStatistics> Handle(GetTicketStatistics query, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var subject = query.Subject is { } only ? (int)only : -1;
        var days = new List<TicketDayCount>();
        var times = new List<(int Bucket, long Tickets)>();
        var backlog = new List<(TicketStatus Status, DateOnly OpenedDay, int Tickets)>();
        DateTimeOffset? countedAt = null;

        await using var connection = await ((Weasel.Postgresql.PostgresqlDatabase)session.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"""
            select day, subject, opened, closed, resolved_automatically, resolved_by_agent from {StatisticsTables.DailyCounts}
              where day between @from and @to and (@subject < 0 or subject = @subject) order by day, subject;
            select bucket, sum(tickets)::bigint from {StatisticsTables.ResolutionTimes}
              where day between @from and @to and (@subject < 0 or subject = @subject) group by bucket;
            select status, opened_day, sum(tickets)::integer from {StatisticsTables.Backlog} group by status, opened_day;
            select counted_at from {StatisticsTables.Counted} where id = 1;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("from", query.From));
        command.Parameters.Add(new NpgsqlParameter("to", query.To));
        command.Parameters.Add(new NpgsqlParameter("subject", subject));
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            days.Add(new TicketDayCount(reader.GetFieldValue<DateOnly>(0), (TicketSubject)reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                reader.GetInt32(4), reader.GetInt32(5)));
        }

        await reader.NextResultAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            times.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }

        await reader.NextResultAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            backlog.Add(((TicketStatus)reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2)));
        }

        await reader.NextResultAsync(cancellation);
        if (await reader.ReadAsync(cancellation))
        {
            countedAt = reader.GetFieldValue<DateTimeOffset>(0);
        }

        var resolved = days.Sum(d => d.ResolvedAutomatically + d.ResolvedByAgent);
        return new TicketStatistics(
            days,
            resolved == 0 ? null : (double)days.Sum(d => d.ResolvedAutomatically) / resolved,
            ResolutionTimes.Median(times),
            Backlogs.Of(backlog, JalaliDate.TehranDay(countedAt ?? clock.GetUtcNow())),
            countedAt);
    }
}
