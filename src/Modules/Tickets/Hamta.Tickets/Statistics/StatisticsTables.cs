using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Hamta.Tickets.Statistics;

/// <summary>
/// The pre-counted figures of the statistics page (ADR 21): tickets per Tehran day and subject, resolution times per
/// day, subject and range, the open tickets per status and day of filing, and when they were last counted.
/// </summary>
public static class StatisticsTables
{
    public static readonly PostgresqlObjectName DailyCounts = new(TicketsModule.Schema, "daily_counts", SchemaUtils.IdentifierUsage.General);
    public static readonly PostgresqlObjectName ResolutionTimes = new(TicketsModule.Schema, "resolution_times", SchemaUtils.IdentifierUsage.General);
    public static readonly PostgresqlObjectName Backlog = new(TicketsModule.Schema, "backlog", SchemaUtils.IdentifierUsage.General);
    public static readonly PostgresqlObjectName Counted = new(TicketsModule.Schema, "statistics_counted", SchemaUtils.IdentifierUsage.General);

    public static IEnumerable<ISchemaObject> SchemaObjects()
    {
        var daily = new Table(DailyCounts);
        daily.AddColumn("day", "date").AsPrimaryKey();
        daily.AddColumn<int>("subject").AsPrimaryKey();
        daily.AddColumn<int>("opened").NotNull();
        daily.AddColumn<int>("closed").NotNull();
        daily.AddColumn<int>("resolved_automatically").NotNull();
        daily.AddColumn<int>("resolved_by_agent").NotNull();

        var times = new Table(ResolutionTimes);
        times.AddColumn("day", "date").AsPrimaryKey();
        times.AddColumn<int>("subject").AsPrimaryKey();
        times.AddColumn<int>("bucket").AsPrimaryKey();
        times.AddColumn<int>("tickets").NotNull();

        var backlog = new Table(Backlog);
        backlog.AddColumn<int>("status").AsPrimaryKey();
        backlog.AddColumn("opened_day", "date").AsPrimaryKey();
        backlog.AddColumn<int>("tickets").NotNull();

        var counted = new Table(Counted);
        counted.AddColumn<int>("id").AsPrimaryKey();
        counted.AddColumn("counted_at", "timestamptz").NotNull();
        return [daily, times, backlog, counted];
    }
}
