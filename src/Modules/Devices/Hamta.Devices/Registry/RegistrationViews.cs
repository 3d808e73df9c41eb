using Hamta.Devices.Contracts;
using Marten;
using Marten.Schema;
using Npgsql;

namespace Hamta.Devices.Registry;

/// <summary>
/// Creates the views other modules read the registration list through, set-based, at start-up after Marten has
/// built the tables: <see cref="RegisteredImeisView"/> (ADR 23).
/// </summary>
public sealed class RegistrationViews : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var connection = await ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"""
            create or replace view {RegisteredImeisView.Name} as
            select i.imei, i.device_id, d.data ->> 'OwnerNationalId' as owner_national_id, d.data ->> 'OwnerSim' as owner_sim
            from {Registrations.ImeiTable} i left join {DevicesModule.Schema}.mt_doc_device d on d.id = i.device_id
            """, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
