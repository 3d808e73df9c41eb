using System.Text.Json;
using Hamta.Kernel.Security;
using Marten;

namespace Hamta.Kernel.Auditing;

/// <summary>An event-sourced stream as history: every event with its actor and cause, and the aggregate replayed to any version; secret fields shown redacted.</summary>
public static class EventStreamHistory
{
    private static readonly string[] CauseFields = ["Actor", "By", "BySim", "Cause", "TicketNumber", "OwnerSim", "ToSim", "FromSim", "Sim"];

    public static async Task<StreamHistoryView> ViewAsync<T>(IQuerySession session, string source, Guid id, long? version, CancellationToken cancellation) where T : class
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        var stateVersion = Math.Clamp(version ?? events.Count, 1, Math.Max(1, events.Count));
        var state = await session.Events.AggregateStreamAsync<T>(id, version: stateVersion, token: cancellation);
        var entries = events.Select(e =>
            {
                var data = SecretFields.Redact(serializer.ToJson(e.Data));
                return new HistoryEntry(e.Version, e.Timestamp, e.EventTypeName, e.UserName ?? "system", CauseOf(e.Data, data), e.CorrelationId, data);
            })
            .ToList();
        return new StreamHistoryView(source, id.ToString(), typeof(T).Name, entries, stateVersion, state is null ? "{}" : SecretFields.Redact(serializer.ToJson(state)));
    }

    /// <summary>Who or what acted, as the event itself records it (<paramref name="json"/> is the event already redacted).</summary>
    public static string CauseOf(object data, string json)
    {
        using var document = JsonDocument.Parse(json);
        var causes = document.RootElement.EnumerateObject()
            .Where(property => CauseFields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            .Select(property => $"{property.Name}: {property.Value}");
        var cause = string.Join(" · ", causes);
        return cause.Length > 0 ? cause : data.GetType().Name;
    }
}
