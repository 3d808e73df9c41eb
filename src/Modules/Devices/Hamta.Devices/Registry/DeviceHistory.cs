using Hamta.Kernel.Auditing;
using Hamta.Kernel.Security;
using JasperFx.Events;
using Marten;

namespace Hamta.Devices.Registry;

/// <summary>
/// An IMEI's device on the history page: the device that holds the IMEI now, or else the one that last gave it up (by
/// a correction or a repair). A device that never changed has no stream yet: its history is its registration.
/// </summary>
public sealed class DeviceHistory : IHistorySource
{
    public HistoryKind Kind => HistoryKind.Imei;

    public string Source => DevicesModule.Schema;

    public async Task<StreamHistoryView?> FindAsync(IQuerySession session, string key, long? version, CancellationToken cancellation)
    {
        if (await Registrations.ByImeiAsync(session, key, cancellation) is { } registration)
        {
            return await ViewAsync(session, registration, version, cancellation);
        }

        return await Registrations.FormerHolderAsync(session, key, cancellation) is { } deviceId
            && await Registrations.ByDeviceAsync(session, deviceId, cancellation) is { } former
            ? await ViewAsync(session, former, version, cancellation) with { FormerImei = true }
            : null;
    }

    private async Task<StreamHistoryView> ViewAsync(IQuerySession session, Registration registration, long? version, CancellationToken cancellation)
    {
        if (await session.Events.FetchStreamStateAsync(registration.DeviceId, cancellation) is not null)
        {
            return await EventStreamHistory.ViewAsync<Device>(session, Source, registration.DeviceId, version, cancellation);
        }

        var serializer = session.DocumentStore.Options.Serializer();
        var declared = registration.Events()
            .Select((e, i) =>
            {
                var data = SecretFields.Redact(serializer.ToJson(e));
                return new HistoryEntry(i + 1, registration.DeclaredAt, e.GetType().GetEventTypeName(), "system", EventStreamHistory.CauseOf(e, data), null, data);
            })
            .ToList();
        return new StreamHistoryView(Source, registration.DeviceId.ToString(), nameof(Device), declared, declared.Count,
            SecretFields.Redact(serializer.ToJson(registration.ToDevice())));
    }
}
