using Hamta.Devices.Contracts;
using Marten;
using Marten.Schema;
using Npgsql;

namespace Hamta.Devices.Registry;

/// <summary>
/// Publishes <see cref="DevicesViews.OwnedImeis"/> once Marten has built the device documents' table: enforcement
/// reads which national ID owns each IMEI from it, set-based, without knowing how Devices stores them.
/// </summary>
public sealed class OwnedImeisView : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = await ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"""
            create or replace view {DevicesViews.OwnedImeis} as
                select i.imei, i.device_id, d.data ->> 'OwnerNationalId' as owner_national_id
                from {Registrations.ImeiTable} i join {DevicesModule.Schema}.mt_doc_device d on d.id = i.device_id
                where d.data ->> 'OwnerNationalId' is not null
            """, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
