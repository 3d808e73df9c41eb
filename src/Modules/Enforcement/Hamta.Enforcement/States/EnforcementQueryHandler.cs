using System.Text.Json;
using Hamta.Enforcement.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace Hamta.Enforcement.States;

/// <summary>What the portal, the inquiries and the staff pages ask the Enforcement module.</summary>
public static class EnforcementQueryHandler
{
    public static async Task<EnforcementStates> Handle(FindEnforcementStates query, NpgsqlDataSource database, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        await using var command = database.CreateCommand(
            $"select imei, condition, reason, blocking, deadline, msisdn from {EnforcementStorage.States} where imei = any(@imeis) or msisdn = @msisdn order by imei, deadline");
        command.Parameters.Add(new NpgsqlParameter("imeis", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = query.Imeis.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("msisdn", NpgsqlDbType.Text) { Value = (object?)query.Msisdn ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var states = new List<ImeiEnforcementState>();
        while (await reader.ReadAsync(cancellation))
        {
            var deadline = reader.GetFieldValue<DateTimeOffset>(4);
            var blocking = reader.GetBoolean(3);
            states.Add(new ImeiEnforcementState(reader.GetString(0), reader.GetString(1), reader.GetString(2), blocking, deadline, blocking && deadline <= now,
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return new EnforcementStates(states);
    }

    public static async Task<ClassificationCoverage> Handle(GetClassificationCoverage query, NpgsqlDataSource database, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand($"select max(started_at) from {EnforcementStorage.Runs} where not partial and not stopped");
        return new ClassificationCoverage(await command.ExecuteScalarAsync(cancellation) is DateTime at ? new DateTimeOffset(at) : null);
    }

    public static async Task<IReadOnlyList<ClassificationRun>> Handle(FindClassificationRuns query, NpgsqlDataSource database, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"""
            select id, cause, started_at, finished_at, partial, imeis_seen, stopped, met, lifted, blocked, reminded, conditions::text
            from {EnforcementStorage.Runs} order by started_at desc, finished_at desc limit @count
            """);
        command.Parameters.AddWithValue("count", Math.Clamp(query.Count, 1, 500));
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var runs = new List<ClassificationRun>();
        while (await reader.ReadAsync(cancellation))
        {
            runs.Add(new ClassificationRun(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetBoolean(4), reader.GetInt64(5), reader.GetBoolean(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10),
                JsonSerializer.Deserialize<List<RunCondition>>(reader.GetString(11)) ?? []));
        }

        return runs;
    }
}
