using Hamta.Enforcement.Lists;
using Hamta.Enforcement.Statistics;
using Marten;
using Microsoft.Extensions.Hosting;

namespace Hamta.Enforcement.States;

/// <summary>Prepares the enforcement tables on start-up, after Marten has applied its own schema.</summary>
public sealed class EnforcementStartup(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await EnforcementStorage.PrepareAsync(connection, cancellationToken);
        await ListStorage.PrepareAsync(connection, cancellationToken);
        await using var counts = new Npgsql.NpgsqlCommand(EnforcementCountsHandler.CreateTable, connection);
        await counts.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
