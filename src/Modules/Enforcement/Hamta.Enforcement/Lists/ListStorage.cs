using Npgsql;

namespace Hamta.Enforcement.Lists;

/// <summary>
/// The lists as last published (<c>list_entries</c>), every add and remove of each version (<c>list_changes</c>,
/// appended by each publication: a delta since version N is read from it, and a version's changes are deleted once it
/// is older than the retention, its <c>pruned</c> flag set) and the versions themselves (<c>list_versions</c>).
/// One row shape serves the three lists; a column a list does not use holds an empty string, so that a row is its
/// own identity and lists are diffed as sets.
/// </summary>
public static class ListStorage
{
    public const string Entries = EnforcementModule.Schema + ".list_entries";
    public const string Changes = EnforcementModule.Schema + ".list_changes";
    public const string Versions = EnforcementModule.Schema + ".list_versions";

    /// <summary>The columns of a list row, in the order of the CSV and of the tables.</summary>
    public const string RowColumns = "imei, imsi, msisdn, condition, reason, deadline";

    private const string CreateTables = $"""
        create table if not exists {Entries} (
            list text not null,
            operator text not null,
            imei text not null,
            imsi text not null,
            msisdn text not null,
            condition text not null,
            reason text not null,
            deadline timestamptz
        );
        create index if not exists list_entries_list on {Entries} (list, operator, imei);
        create table if not exists {Changes} (
            list text not null,
            operator text not null,
            version bigint not null,
            change text not null,
            imei text not null,
            imsi text not null,
            msisdn text not null,
            condition text not null,
            reason text not null,
            deadline timestamptz
        );
        create index if not exists list_changes_version on {Changes} (list, operator, version);
        create table if not exists {Versions} (
            list text not null,
            operator text not null,
            version bigint not null,
            published_at timestamptz not null,
            size bigint not null,
            adds bigint not null,
            removes bigint not null,
            primary key (list, operator, version)
        );
        alter table {Versions} add column if not exists pruned boolean not null default false;
        """;

    public static async Task PrepareAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(CreateTables, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
