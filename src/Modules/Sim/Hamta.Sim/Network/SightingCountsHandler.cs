using Hamta.Kernel.Time;
using Hamta.Sim.Contracts;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Hamta.Sim.Network;

/// <summary>
/// The sightings counted per Tehran day and operator (ADR 21): a recurring job counts the last days again (further back
/// the first time and after a pause: <see cref="CountingWindow"/>) with one statement over their partitions, and the
/// statistics page reads only these rows.
/// </summary>
public static class SightingCountsHandler
{
    public static readonly PostgresqlObjectName Table = new(SimModule.Schema, "daily_sightings", SchemaUtils.IdentifierUsage.General);

    public static ISchemaObject SchemaObject()
    {
        var table = new Table(Table);
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn<string>("operator").AsPrimaryKey();
        table.AddColumn<long>("sightings").NotNull();
        table.AddColumn("counted_at", "timestamptz").NotNull();
        return table;
    }

    public static async Task Handle(CountSightings command, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await DailyRecount.RunAsync(
            connection,
            Table.QualifiedName,
            $"select max(counted_at) from {Table}",
            SightingsStorage.EarliestPartitionSql,
            Math.Min(command.Days, CountSightings.MaxDays),
            $"""
            delete from {Table} where day >= @first;
            insert into {Table} (day, operator, sightings, counted_at)
            select (observed_at at time zone 'Asia/Tehran')::date, operator, count(*), @now
            from {SightingsStorage.Table} where observed_at >= @from and observed_at < @to
            group by 1, 2;
            """,
            clock.GetUtcNow(),
            cancellation);
    }

    public static async Task<SightingCounts> Handle(FindSightingCounts query, IQuerySession session, CancellationToken cancellation)
    {
        await using var connection = await ((PostgresqlDatabase)session.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"""
            select day, operator, sightings from {Table} where day between @from and @to order by day, operator;
            select max(counted_at) from {Table};
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("from", query.From));
        command.Parameters.Add(new NpgsqlParameter("to", query.To));
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var days = new List<OperatorDayCount>();
        while (await reader.ReadAsync(cancellation))
        {
            days.Add(new OperatorDayCount(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt64(2)));
        }

        await reader.NextResultAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return new SightingCounts(days, reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0));
    }
}
