using Hamta.Enforcement.Lists;
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
