using Hamta.Kernel.Security;
using Hamta.Devices.Registry;
using Hamta.Sim.SimCards;
using Hamta.Tickets.Tickets;
using JasperFx.Events;
using Marten;

namespace Hamta.Host.Auditing;

public enum HistoryKind
{
    Imei,
    Sim,
    Ticket,
}

/// <summary>One event as an auditor reads it: when, which, who or what caused it, and its data.</summary>
public sealed record HistoryEntry(long Version, DateTimeOffset At, string Event, string Actor, string Cause, string? CorrelationId, string Data);

/// <summary>A stream's history and its state after a chosen version; <see cref="FormerImei"/> when the device was found by an IMEI it no longer has.</summary>
public sealed record StreamHistoryView(Guid StreamId, string Aggregate, IReadOnlyList<HistoryEntry> Events, long StateVersion, string State, bool FormerImei = false);

/// <summary>
/// Finds the stream behind an IMEI, a SIM number or a ticket number, and replays it to any version;
/// secret fields (code hashes among them) are shown redacted.
/// </summary>
public sealed class StreamHistory(IDocumentStore store)
{
    private static readonly string[] CauseFields = ["Actor", "By", "BySim", "Cause", "TicketNumber", "OwnerSim", "ToSim", "FromSim", "Sim"];

    public async Task<StreamHistoryView?> FindAsync(HistoryKind kind, string key, long? version, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return kind switch
        {
            HistoryKind.Imei => await DeviceAsync(session, key, version, cancellation),
            HistoryKind.Sim => await session.Query<SimCard>().FirstOrDefaultAsync(x => x.Number == key, cancellation) is { } sim
                ? await ViewAsync<SimCard>(session, sim.Id, version, cancellation) : null,
            _ => long.TryParse(key, out var number) && await session.Query<Ticket>().FirstOrDefaultAsync(x => x.Number == number, cancellation) is { } ticket
                ? await ViewAsync<Ticket>(session, ticket.Id, version, cancellation) : null,
        };
    }

    /// <summary>The device that holds the IMEI now, or else the one that last gave it up (by a correction or a repair).</summary>
    private static async Task<StreamHistoryView?> DeviceAsync(IQuerySession session, string imei, long? version, CancellationToken cancellation)
    {
        if (await Registrations.ByImeiAsync(session, imei, cancellation) is { } registration)
        {
            return await ViewAsync<Device>(session, registration.DeviceId, version, cancellation, registration);
        }

        return await Registrations.FormerHolderAsync(session, imei, cancellation) is { } deviceId
            && await Registrations.ByDeviceAsync(session, deviceId, cancellation) is { } former
            ? await ViewAsync<Device>(session, deviceId, version, cancellation, former) with { FormerImei = true }
            : null;
    }

    /// <summary>A device that never changed has no stream yet: its history is its registration.</summary>
    private static async Task<StreamHistoryView> ViewAsync<T>(
        IQuerySession session, Guid id, long? version, CancellationToken cancellation, Registration? registration = null) where T : class
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0 && registration is not null)
        {
            var declared = registration.Events()
                .Select((e, i) =>
                {
                    var data = SecretFields.Redact(serializer.ToJson(e));
                    return new HistoryEntry(i + 1, registration.DeclaredAt, e.GetType().GetEventTypeName(), "system", CauseOf(e, data), null, data);
                })
                .ToList();
            return new StreamHistoryView(id, typeof(T).Name, declared, declared.Count, SecretFields.Redact(serializer.ToJson(registration.ToDevice())));
        }

        var stateVersion = Math.Clamp(version ?? events.Count, 1, Math.Max(1, events.Count));
        var state = await session.Events.AggregateStreamAsync<T>(id, version: stateVersion, token: cancellation);
        var entries = events.Select(e =>
            {
                var data = SecretFields.Redact(serializer.ToJson(e.Data));
                return new HistoryEntry(e.Version, e.Timestamp, e.EventTypeName, e.UserName ?? "system", CauseOf(e.Data, data), e.CorrelationId, data);
            })
            .ToList();
        return new StreamHistoryView(id, typeof(T).Name, entries, stateVersion, state is null ? "{}" : SecretFields.Redact(serializer.ToJson(state)));
    }

    /// <summary>Who or what acted, as the event itself records it.</summary>
    private static string CauseOf(object data, string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var causes = document.RootElement.EnumerateObject()
            .Where(property => CauseFields.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            .Select(property => $"{property.Name}: {property.Value}");
        var cause = string.Join(" · ", causes);
        return cause.Length > 0 ? cause : data.GetType().Name;
    }
}
