using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.States;
using Hamta.Kernel.Time;
using Npgsql;

namespace Hamta.Enforcement.Statistics;

/// <summary>
/// The enforcement changes counted per Tehran day and condition (ADR 21): a recurring job counts the last days again
/// (further back the first time and after a pause: <see cref="CountingWindow"/>) with one statement over the changes,
/// and the statistics page reads only these rows.
/// </summary>
public static class EnforcementCountsHandler
{
    public const string Table = EnforcementModule.Schema + ".daily_changes";

    public const string CreateTable = $"""
        create table if not exists {Table} (
            day date not null,
            condition text not null,
            warned bigint not null,
            blocked bigint not null,
            lifted bigint not null,
            counted_at timestamptz not null,
            primary key (day, condition)
        );
        create index if not exists changes_at on {EnforcementStorage.Changes} using brin (at);
        """;

    public static async Task Handle(CountEnforcementChanges command, NpgsqlDataSource database, TimeProvider clock, CancellationToken cancellation)
    {
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await DailyRecount.RunAsync(
            connection,
            Table,
            $"select max(counted_at) from {Table}",
            $"select min(at) from {EnforcementStorage.Changes}",
            Math.Min(command.Days, CountEnforcementChanges.MaxDays),
            $"""
            delete from {Table} where day >= @first;
            insert into {Table} (day, condition, warned, blocked, lifted, counted_at)
            select (at at time zone 'Asia/Tehran')::date, condition,
                   count(*) filter (where change = 'met'), count(*) filter (where change = 'blocked'), count(*) filter (where change = 'lifted'), @now
            from {EnforcementStorage.Changes} where at >= @from and at < @to and change in ('met', 'blocked', 'lifted')
            group by 1, 2;
            """,
            clock.GetUtcNow(),
            cancellation);
    }

    public static async Task<EnforcementCounts> Handle(FindEnforcementCounts query, NpgsqlDataSource database, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"""
            select day, condition, warned, blocked, lifted from {Table} where day between @from and @to order by day, condition;
            select max(counted_at) from {Table};
            """);
        command.Parameters.Add(new NpgsqlParameter("from", query.From));
        command.Parameters.Add(new NpgsqlParameter("to", query.To));
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var days = new List<ConditionDayCount>();
        while (await reader.ReadAsync(cancellation))
        {
            days.Add(new ConditionDayCount(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        await reader.NextResultAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return new EnforcementCounts(days, reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0));
    }
}
