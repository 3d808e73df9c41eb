using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hamta.Sim.Network;

/// <summary>Prepares the sightings tables on start-up, after Marten has applied its own schema (ADR 18).</summary>
public sealed class SightingsStartup(IDocumentStore store, TimeProvider clock, IOptions<NetworkSettings> settings) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await SightingsStorage.PrepareAsync(connection, clock.GetUtcNow(), settings.Value, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
