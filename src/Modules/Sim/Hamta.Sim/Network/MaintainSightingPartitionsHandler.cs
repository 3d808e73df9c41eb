using Hamta.Sim.Contracts;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hamta.Sim.Network;

/// <summary>The recurring job's work: partitions for the coming days, none past the retention window, no stale watches.</summary>
public static class MaintainSightingPartitionsHandler
{
    public static async Task Handle(MaintainSightingPartitions _, IDocumentStore store, TimeProvider clock, IOptions<NetworkSettings> settings, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await SightingsStorage.EnsurePartitionsAsync(connection, SightingsStorage.Days(DateOnly.FromDateTime(now.UtcDateTime), settings.Value.PartitionsAheadDays), cancellation);
        await SightingsStorage.DropPartitionsBeforeAsync(connection, now - settings.Value.Retention, cancellation);
        await using var command = new NpgsqlCommand($"delete from {SightingsStorage.Watches} where refreshed_at < @stale", connection);
        command.Parameters.Add(new NpgsqlParameter("stale", now - SightingsWriter.WatchLifetime));
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
