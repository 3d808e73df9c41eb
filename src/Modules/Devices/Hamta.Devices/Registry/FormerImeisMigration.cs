using Marten;
using Marten.Schema;
using Npgsql;

namespace Hamta.Devices.Registry;

/// <summary>
/// Creates <see cref="Registrations.FormerImeiTable"/> at start-up where it is missing and fills it, in the same
/// transaction, from the corrections and repairs already in the event store, so it is filled once.
/// </summary>
public sealed class FormerImeisMigration : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = await ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var wait = new NpgsqlCommand($"select pg_advisory_xact_lock(hashtext('{Registrations.FormerImeiTable}'))", connection, transaction))
        {
            await wait.ExecuteNonQueryAsync(cancellation);
        }

        await using (var exists = new NpgsqlCommand($"select to_regclass('{Registrations.FormerImeiTable}') is not null", connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellation) is true)
            {
                return;
            }
        }

        var events = store.Options.Events.DatabaseSchemaName;
        await using var create = new NpgsqlCommand(
            $"""
            create table {Registrations.FormerImeiTable} (
                imei text not null,
                device_id uuid not null,
                replaced_at timestamptz not null,
                primary key (imei, device_id));
            insert into {Registrations.FormerImeiTable} (imei, device_id, replaced_at)
            select coalesce(data ->> 'WrongImei', data ->> 'OldImei'), stream_id, max(timestamp)
            from {events}.mt_events
            where type in ('imei_corrected', 'imei_replaced_after_repair')
            group by 1, 2;
            """, connection, transaction);
        await create.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }
}
