using Hamta.Sim.Contracts;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Hamta.Sim.Network;

public static class NetworkQueryHandler
{
    public static async Task<LastSeenOnNetwork> Handle(FindLastSeenOnNetwork query, IQuerySession session, CancellationToken cancellation)
    {
        var imeis = query.Imeis.Distinct().ToArray();
        var lastSeen = new Dictionary<string, DateTimeOffset>();
        if (imeis.Length == 0)
        {
            return new LastSeenOnNetwork(lastSeen);
        }

        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select imei, max(observed_at) from {SightingsStorage.Table} where imei = any(@imeis) and imei_valid group by imei", connection);
        command.Parameters.Add(new NpgsqlParameter("imeis", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = imeis });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            lastSeen[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return new LastSeenOnNetwork(lastSeen);
    }
}
