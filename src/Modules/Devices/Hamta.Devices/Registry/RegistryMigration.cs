using Marten;
using Marten.Schema;
using Npgsql;

namespace Hamta.Devices.Registry;

/// <summary>
/// Moves a registry of the previous version (a stream per declared device, an <c>ImeiClaim</c> document
/// per IMEI) onto the registration list at start-up, after Marten has built the tables: each stream's
/// declaration becomes its registration row, each claim an IMEI row, in one transaction that also drops
/// the claims' table, so it runs once. Streams stay as they are: they already open with their declaration.
/// </summary>
public sealed class RegistryMigration : IInitialData
{
    public const string ClaimsTable = "devices.mt_doc_imeiclaim";

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = await ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var exists = new NpgsqlCommand($"select to_regclass('{ClaimsTable}') is not null", connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellation) is not true)
        {
            return;
        }

        var events = store.Options.Events.DatabaseSchemaName;
        await using var migrate = new NpgsqlCommand(
            $"""
            insert into {Registrations.Table} ({Registrations.Columns})
            select d.stream_id,
                   array(select jsonb_array_elements_text(d.data->'Imeis')),
                   d.data->>'Brand', d.data->>'Model',
                   case d.data->>'ImportType' when '0' then 'Commercial' when '1' then 'Traveller' else d.data->>'ImportType' end,
                   d.data->>'Importer',
                   d.data->'Traveller'->>'NationalId', d.data->'Traveller'->>'Sim',
                   (d.data->'Traveller'->>'FeePaid')::boolean, (d.data->'Traveller'->>'RegisteredAt')::timestamptz,
                   c.data->>'CodeHash',
                   case c.data->>'Reason' when '0' then 'Box' when '1' then 'Customs' when '2' then 'Transfer' else c.data->>'Reason' end,
                   (d.data->>'DeclaredAt')::timestamptz, null
            from {events}.mt_events d
            left join {events}.mt_events c on c.stream_id = d.stream_id and c.version = 2 and c.type = 'activation_code_issued'
                 and (c.data->>'IssuedAt')::timestamptz = (d.data->>'DeclaredAt')::timestamptz
            where d.type = 'device_declared' and d.version = 1
            on conflict do nothing;
            insert into {Registrations.ImeiTable} (imei, device_id)
            select id, (data->>'DeviceId')::uuid from {ClaimsTable} on conflict do nothing;
            drop table {ClaimsTable};
            """, connection, transaction);
        await migrate.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }
}
