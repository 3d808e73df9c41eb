using JasperFx.Events;
using Marten;

namespace Hamta.Devices.Registry;

/// <summary>
/// A device ready to change: its state, from its stream or else from its registration row, and the
/// stream to append to with optimistic concurrency. A device's first change opens its stream with the
/// registration's events, so two first changes at once cannot both win.
/// </summary>
public sealed class DeviceChange(IEventStream<Device> stream, Registration registration)
{
    private bool opened = stream.Aggregate is not null;

    public Device Device { get; } = stream.Aggregate ?? registration.ToDevice();

    public void Append(params IEnumerable<object> events)
    {
        var changes = events.ToList();
        if (changes.Count == 0)
        {
            return;
        }

        if (!opened)
        {
            stream.AppendMany(registration.Events());
            opened = true;
        }

        stream.AppendMany(changes);
    }
}

public static class DeviceStreams
{
    /// <summary>The device holding an IMEI, ready to change; null when no device holds it.</summary>
    public static async Task<DeviceChange?> ForImeiAsync(IDocumentSession session, string imei, CancellationToken cancellation) =>
        await Registrations.ByImeiAsync(session, imei, cancellation) is { } registration
            ? new DeviceChange(await session.Events.FetchForWriting<Device>(registration.DeviceId, cancellation), registration)
            : null;

    public static async Task<DeviceChange?> ForDeviceAsync(IDocumentSession session, Guid deviceId, CancellationToken cancellation) =>
        await Registrations.ByDeviceAsync(session, deviceId, cancellation) is { } registration
            ? new DeviceChange(await session.Events.FetchForWriting<Device>(deviceId, cancellation), registration)
            : null;

    /// <summary>The device holding an IMEI as it is now, for reading.</summary>
    public static async Task<Device?> ByImeiAsync(IQuerySession session, string imei, CancellationToken cancellation) =>
        await Registrations.ByImeiAsync(session, imei, cancellation) is { } registration
            ? await session.LoadAsync<Device>(registration.DeviceId, cancellation) ?? registration.ToDevice()
            : null;
}
