using Hamta.Devices.Contracts;
using Hamta.Enforcement.Blocking;
using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.States;
using Hamta.Sim.Contracts;
using Npgsql;

namespace Hamta.Enforcement.Lists;

/// <summary>
/// Publishes the lists from the current states, set-based, in one transaction: each list is computed whole into a
/// temporary table, diffed with the last published one, and only the difference is written — its rows into
/// <see cref="ListStorage.Changes"/> under the list's next version, and into <see cref="ListStorage.Entries"/>.
/// A list that did not change gets no new version. The changes of versions older than the retention are deleted in the
/// same transaction. Publications take turns (an advisory lock), whichever node runs them.
/// </summary>
public static class ListPublisher
{
    private const long PublicationLock = 2_0020_0001;

    private static readonly string Statement = $"""
        select pg_advisory_xact_lock({PublicationLock});
        create temp table fresh on commit drop as
            select '{EnforcementList.Block.Name()}'::text as list, ''::text as operator, s.imei, ''::text as imsi, ''::text as msisdn,
                   s.condition, s.reason, null::timestamptz as deadline
            from {EnforcementStorage.States} s
            where s.blocking and s.deadline <= @now
            union
            select '{EnforcementList.Notification.Name()}', p.operator, s.imei, s.imsi, coalesce(s.msisdn, ''), s.condition, s.reason, s.deadline
            from {EnforcementStorage.States} s
            join unnest(@operators::text[], @prefixes::text[]) as p(operator, prefix) on starts_with(s.imsi, p.prefix)
            where not (s.blocking and s.deadline <= @now)
            union
            select '{EnforcementList.Exception.Name()}', p.operator, b.imei, g.imsi, '', '', '', null
            from (select distinct imei from {EnforcementStorage.States} where blocking and deadline <= @now) b
            join {RegisteredImeisView.Name} o on o.imei = b.imei
            join {SimViews.Sightings} g on g.imei = b.imei and g.national_id = o.owner_national_id and g.observed_at >= @since
            join unnest(@operators::text[], @prefixes::text[]) as p(operator, prefix) on starts_with(g.imsi, p.prefix)
            where not exists (select 1 from {EnforcementStorage.States} x
                              where x.imei = b.imei and x.condition in ('{ImmediateBlocks.LostStolen}', '{ImmediateBlocks.Manual}'));
        create temp table diff on commit drop as
            select 'add'::text as change, f.* from (
                select list, operator, {ListStorage.RowColumns} from fresh
                except
                select list, operator, {ListStorage.RowColumns} from {ListStorage.Entries}) f
            union all
            select 'remove', o.* from (
                select list, operator, {ListStorage.RowColumns} from {ListStorage.Entries}
                except
                select list, operator, {ListStorage.RowColumns} from fresh) o;
        create temp table published on commit drop as
            with latest as (
                select distinct on (list, operator) list, operator, version, size from {ListStorage.Versions} order by list, operator, version desc),
            counted as (
                select list, operator, count(*) filter (where change = 'add') as adds, count(*) filter (where change = 'remove') as removes
                from diff group by list, operator)
            select c.list, c.operator, coalesce(l.version, 0) + 1 as version, coalesce(l.size, 0) + c.adds - c.removes as size, c.adds, c.removes
            from counted c left join latest l on l.list = c.list and l.operator = c.operator;
        insert into {ListStorage.Changes} (list, operator, version, change, {ListStorage.RowColumns})
            select d.list, d.operator, p.version, d.change, d.imei, d.imsi, d.msisdn, d.condition, d.reason, d.deadline
            from diff d join published p on p.list = d.list and p.operator = d.operator;
        delete from {ListStorage.Entries} e using diff d
            where d.change = 'remove' and e.list = d.list and e.operator = d.operator and e.imei = d.imei and e.imsi = d.imsi
              and e.msisdn = d.msisdn and e.condition = d.condition and e.reason = d.reason and e.deadline is not distinct from d.deadline;
        insert into {ListStorage.Entries} (list, operator, {ListStorage.RowColumns})
            select list, operator, {ListStorage.RowColumns} from diff where change = 'add';
        insert into {ListStorage.Versions} (list, operator, version, published_at, size, adds, removes)
            select list, operator, version, @now, size, adds, removes from published;
        with pruned as (
            update {ListStorage.Versions} set pruned = true where published_at < @kept and not pruned returning list, operator, version)
        delete from {ListStorage.Changes} c using pruned p where c.list = p.list and c.operator = p.operator and c.version = p.version;
        select list, operator, version, size, adds, removes from published order by list, operator;
        """;

    /// <summary>Publishes every list as of <paramref name="now"/>; gives the versions it published.</summary>
    public static async Task<IReadOnlyList<ListVersion>> PublishAsync(NpgsqlDataSource dataSource, ListSettings settings, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        var (operators, prefixes) = settings.PrefixPairs();
        var published = new List<ListVersion>();
        await using (var command = new NpgsqlCommand(Statement, connection, transaction))
        {
            command.CommandTimeout = 0;
            command.Parameters.Add(new NpgsqlParameter("now", now));
            command.Parameters.Add(new NpgsqlParameter("since", now.AddDays(-settings.ExceptionLookBackDays)));
            // At least a day: the version just published is never pruned.
            command.Parameters.Add(new NpgsqlParameter("kept", now.AddDays(-Math.Max(1, settings.DeltaRetentionDays))));
            command.Parameters.Add(new NpgsqlParameter("operators", operators));
            command.Parameters.Add(new NpgsqlParameter("prefixes", prefixes));
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            do
            {
                while (await reader.ReadAsync(cancellation))
                {
                    if (reader.FieldCount == 6)
                    {
                        published.Add(new ListVersion(EnforcementLists.Parse(reader.GetString(0))!.Value, reader.GetString(1), reader.GetInt64(2),
                            reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), now));
                    }
                }
            }
            while (await reader.NextResultAsync(cancellation));
        }

        await transaction.CommitAsync(cancellation);
        return published;
    }
}
