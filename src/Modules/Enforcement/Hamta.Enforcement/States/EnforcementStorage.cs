using Npgsql;

namespace Hamta.Enforcement.States;

/// <summary>
/// The current enforcement state of each IMEI, one row per condition it meets, and the append-only record of every
/// change to it (its enforcement stream). Narrow rows written set-based: a run touches millions of IMEIs.
/// </summary>
public static class EnforcementStorage
{
    public const string States = EnforcementModule.Schema + ".imei_states";
    public const string Changes = EnforcementModule.Schema + ".changes";
    public const string Runs = EnforcementModule.Schema + ".classification_runs";

    private const string CreateTables = $"""
        create schema if not exists {EnforcementModule.Schema};
        create table if not exists {States} (
            imei text not null,
            condition text not null,
            blocking boolean not null,
            reason text not null,
            met_at timestamptz not null,
            deadline timestamptz not null,
            imsi text,
            msisdn text,
            operator text,
            cause text not null,
            primary key (imei, condition)
        );
        create index if not exists imei_states_deadline on {States} (deadline) where blocking;
        create table if not exists {Changes} (
            id bigint generated always as identity primary key,
            imei text not null,
            condition text not null,
            change text not null,
            cause text not null,
            at timestamptz not null,
            run_id uuid
        );
        create index if not exists changes_imei on {Changes} (imei, id);
        """;

    /// <summary>The classification's additions: when a state was reminded and blocked, the deadline a change set, and the runs.</summary>
    private const string ClassificationTables = $"""
        alter table {States} add column if not exists reminded_at timestamptz;
        alter table {States} add column if not exists blocked_at timestamptz;
        alter table {Changes} add column if not exists deadline timestamptz;
        create index if not exists imei_states_msisdn on {States} (msisdn);
        create table if not exists {Runs} (
            id uuid primary key,
            cause text not null,
            started_at timestamptz not null,
            finished_at timestamptz not null,
            partial boolean not null,
            imeis_seen bigint not null,
            stopped boolean not null,
            met integer not null,
            lifted integer not null,
            blocked integer not null,
            reminded integer not null,
            conditions jsonb not null
        );
        create index if not exists classification_runs_started_at on {Runs} (started_at desc);
        """;

    /// <summary>Immediate blocks written before they recorded their block time and their change its deadline, made whole as the trail says.</summary>
    private const string ImmediateBlocksWhole = $"""
        update {Changes} set deadline = at where change = 'blocked' and run_id is null and deadline is null;
        update {States} s set blocked_at = s.met_at
        where s.blocked_at is null and s.deadline = s.met_at
          and exists (select 1 from {Changes} c where c.imei = s.imei and c.condition = s.condition and c.change = 'blocked' and c.run_id is null and c.at = s.met_at);
        """;

    public static async Task PrepareAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(CreateTables + ClassificationTables + ImmediateBlocksWhole, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
