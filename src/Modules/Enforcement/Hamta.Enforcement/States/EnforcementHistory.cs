using Hamta.Kernel.Auditing;
using Marten;
using Npgsql;

namespace Hamta.Enforcement.States;

/// <summary>
/// An IMEI's enforcement stream on the history page: every change (met, reminded, blocked, lifted) with its condition,
/// cause, run and time, and the IMEI's state after any of them (the changes up to then, folded).
/// </summary>
public sealed class EnforcementHistory(NpgsqlDataSource database) : IHistorySource
{
    public HistoryKind Kind => HistoryKind.Imei;

    public string Source => EnforcementModule.Schema;

    public async Task<StreamHistoryView?> FindAsync(IQuerySession session, string key, long? version, CancellationToken cancellation)
    {
        var changes = await ChangesAsync(key, cancellation);
        if (changes.Count == 0)
        {
            return null;
        }

        var serializer = session.DocumentStore.Options.Serializer();
        var entries = changes.Select((change, i) => new HistoryEntry(
                i + 1, change.At, change.Change, "system", $"Condition: {change.Condition} · Cause: {change.Cause}", change.RunId?.ToString(), serializer.ToJson(change)))
            .ToList();
        var stateVersion = Math.Clamp(version ?? changes.Count, 1, changes.Count);
        var state = new { Imei = key, Conditions = ImeiTrail.Fold(changes.Take((int)stateVersion)) };
        return new StreamHistoryView(Source, key, "ImeiEnforcement", entries, stateVersion, serializer.ToJson(state));
    }

    private async Task<IReadOnlyList<ImeiChange>> ChangesAsync(string imei, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"select condition, change, cause, at, run_id, deadline from {EnforcementStorage.Changes} where imei = @imei order by id");
        command.Parameters.AddWithValue("imei", imei);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var changes = new List<ImeiChange>();
        while (await reader.ReadAsync(cancellation))
        {
            changes.Add(new ImeiChange(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return changes;
    }
}
