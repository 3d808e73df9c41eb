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

    public static async Task PrepareAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(CreateTables, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
