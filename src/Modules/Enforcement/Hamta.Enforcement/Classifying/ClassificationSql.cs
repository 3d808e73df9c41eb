using Hamta.Devices.Contracts;
using Hamta.Enforcement.Conditions;
using Hamta.Enforcement.States;
using Hamta.Sim.Contracts;

namespace Hamta.Enforcement.Classifying;

/// <summary>
/// The statements of a classification run (ADR 23), all set-based over the sightings of the window, read through
/// the Sim module's view, and the registration list, read through the Devices module's view. The window's latest
/// sighting of each IMEI and the matches go into temporary tables of the run's transaction; the diff with the
/// current states, the changes and the deadlines are one statement each.
/// </summary>
internal static class ClassificationSql
{
    public const string Latest = "classify_latest";
    public const string Matches = "classify_matches";

    /// <summary>Two runs at once (the daily job and a dump) take turns.</summary>
    public const string Lock = "select pg_advisory_xact_lock(hashtext('hamta-enforcement-classification'))";

    private const string Window = "observed_at > @from and observed_at <= @now";

    private static string Only(bool partial, string column = "imei") => partial ? $" and {column} = any(@imeis)" : "";

    public static string LatestSightings(bool partial) => $"""
        create temp table {Latest} on commit drop as
        select distinct on (imei) imei, imei_valid, imsi, msisdn, national_id, operator, observed_at
        from {SimViews.Sightings} where {Window}{Only(partial)}
        order by imei, observed_at desc
        """;

    /// <summary>The matches of every configured condition, one row per IMEI and condition, with the latest sighting.</summary>
    public static string MatchConditions(IReadOnlyList<ConditionSettings> conditions, bool partial) =>
        $"create temp table {Matches} on commit drop as\n"
        + string.Join("\nunion all\n", conditions.Select((c, i) => Condition(c.Kind, i, partial)))
        + (conditions.Count == 0 ? "select ''::text condition, ''::text imei, ''::text imsi, ''::text msisdn, ''::text operator, ''::text national_id where false" : "");

    private static string Condition(ConditionKind kind, int i, bool partial)
    {
        const string Columns = "l.imei, l.imsi, l.msisdn, l.operator, l.national_id";
        var select = $"select @label{i}::text as condition, {Columns} from {Latest} l";
        return kind switch
        {
            ConditionKind.NotRegistered => $"{select} where l.imei_valid and not exists (select 1 from {RegisteredImeisView.Name} r where r.imei = l.imei)",
            ConditionKind.Malformed => $"{select} where not l.imei_valid",
            ConditionKind.NonOwnerSim => $"""
                {select} join {RegisteredImeisView.Name} r on r.imei = l.imei
                where r.owner_national_id is not null and l.national_id is distinct from r.owner_national_id
                  and (select count(distinct (s.observed_at at time zone 'UTC')::date) from {SimViews.Sightings} s
                       where s.imei = l.imei and s.observed_at > @from and s.observed_at <= @now
                         and s.national_id is distinct from r.owner_national_id) > @days{i}
                """,
            _ => $"""
                {select} join (
                  select imei from (
                    select imei, (observed_at at time zone 'UTC')::date as day from {SimViews.Sightings}
                    where {Window} and imei_valid{Only(partial)}
                    group by imei, day having count(distinct imsi) > @imsis{i}) d
                  group by imei having count(*) >= @days{i}) c on c.imei = l.imei
                """,
        };
    }

    public const string CountLatest = $"select count(*) from {Latest}";

    public const string CountMatches = $"select condition, count(*) from {Matches} group by condition";

    private const string Conditions = "select * from unnest(@labels::text[], @blocking::boolean[], @reasons::text[], @grace::integer[]) as c(label, blocking, reason, grace)";

    /// <summary>
    /// Lifts the states of the configured conditions that no longer match, inserts the new matches with their
    /// deadline, keeps the latest sighting of the others, and appends a change for each lifted and met state.
    /// Answers with the lifted and met rows.
    /// </summary>
    public static string Apply(bool partial) => $"""
        with conds as ({Conditions}),
        lifted as (
          delete from {EnforcementStorage.States} s using conds c
          where s.condition = c.label{Only(partial, "s.imei")}
            and not exists (select 1 from {Matches} m where m.imei = s.imei and m.condition = s.condition)
          returning s.imei, s.condition, s.msisdn, s.reason, s.blocking),
        upserted as (
          insert into {EnforcementStorage.States} (imei, condition, blocking, reason, met_at, deadline, imsi, msisdn, operator, cause)
          select m.imei, m.condition, c.blocking, c.reason, @now, @now + make_interval(days => c.grace), m.imsi, m.msisdn, m.operator, @cause
          from {Matches} m join conds c on c.label = m.condition
          on conflict (imei, condition) do update set imsi = excluded.imsi, msisdn = excluded.msisdn, operator = excluded.operator
            where ({EnforcementStorage.States}.imsi, {EnforcementStorage.States}.msisdn, {EnforcementStorage.States}.operator)
              is distinct from (excluded.imsi, excluded.msisdn, excluded.operator)
          returning imei, condition, msisdn, reason, blocking, deadline, xmax = 0 as inserted),
        met as (select * from upserted where inserted),
        logged as (
          insert into {EnforcementStorage.Changes} (imei, condition, change, cause, at, run_id, deadline)
          select imei, condition, 'lifted', @cause, @now, @run, null from lifted
          union all
          select imei, condition, 'met', @cause, @now, @run, deadline from met)
        select 'lifted' as change, imei, condition, msisdn, reason, blocking, null::timestamptz as deadline, null::text as national_id from lifted
        union all
        select 'met', m.imei, m.condition, m.msisdn, m.reason, m.blocking, m.deadline, x.national_id
        from met m join {Matches} x on x.imei = m.imei and x.condition = m.condition
        """;

    /// <summary>Marks blocked the blocking states whose deadline has passed, once, with a change each; answers with the count.</summary>
    public static string Block(bool partial) => $"""
        with conds as ({Conditions}),
        blocked as (
          update {EnforcementStorage.States} s set blocked_at = @now from conds c
          where s.condition = c.label and s.blocking and s.blocked_at is null and s.deadline <= @now{Only(partial, "s.imei")}
          returning s.imei, s.condition, s.deadline)
        insert into {EnforcementStorage.Changes} (imei, condition, change, cause, at, run_id, deadline)
        select imei, condition, 'blocked', @cause, @now, @run, deadline from blocked
        """;

    /// <summary>Marks reminded, once, the blocking states whose deadline is within the reminder; answers with them.</summary>
    public static string Remind(bool partial) => $"""
        with conds as ({Conditions}),
        reminded as (
          update {EnforcementStorage.States} s set reminded_at = @now from conds c
          where s.condition = c.label and s.blocking and s.blocked_at is null and s.reminded_at is null and s.met_at < @now
            and s.deadline > @now and s.deadline <= @now + @reminder{Only(partial, "s.imei")}
          returning s.imei, s.condition, s.msisdn, s.reason, s.deadline),
        logged as (
          insert into {EnforcementStorage.Changes} (imei, condition, change, cause, at, run_id, deadline)
          select imei, condition, 'reminded', @cause, @now, @run, deadline from reminded)
        select imei, condition, msisdn, reason, deadline from reminded
        """;

    /// <summary>
    /// For unregistered IMEIs seen with a SIM of a national ID that owns a dual-SIM device of the same model (TAC):
    /// one registered IMEI of that device, to link the IMEI-mismatch ticket's form with it chosen. A device's IMEIs
    /// all have its owner, so the owner's rows alone tell how many IMEIs each of their devices has: the registration
    /// list is read once, never per candidate.
    /// </summary>
    public const string MismatchDevices = $"""
        with owned as (
          select m.imei as seen, r.imei, r.device_id
          from unnest(@imeis::text[], @national_ids::text[]) as m(imei, national_id)
          join {RegisteredImeisView.Name} r on r.owner_national_id = m.national_id)
        select distinct on (seen) seen, imei
        from (select seen, imei, count(*) over (partition by seen, device_id) as imeis from owned) o
        where imeis = 2 and left(imei, 8) = left(seen, 8)
        order by seen, imei
        """;

    public const string RecordRun = $"""
        insert into {EnforcementStorage.Runs} (id, cause, started_at, finished_at, partial, imeis_seen, stopped, met, lifted, blocked, reminded, conditions)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
        """;
}
