using Marten;
using JasperFx.Events;

namespace Hamta.Devices.Registry;

public static class DeviceStreams
{
    /// <summary>The device stream an IMEI belongs to, ready to append with optimistic concurrency; null when the IMEI is not registered.</summary>
    public static async Task<IEventStream<Device>?> ForImeiAsync(IDocumentSession session, string imei, CancellationToken cancellation)
    {
        var claim = await session.LoadAsync<ImeiClaim>(imei, cancellation);
        return claim is null ? null : await session.Events.FetchForWriting<Device>(claim.DeviceId, cancellation);
    }

    public static async Task<Device?> ByImeiAsync(IQuerySession session, string imei, CancellationToken cancellation)
    {
        var claim = await session.LoadAsync<ImeiClaim>(imei, cancellation);
        return claim is null ? null : await session.LoadAsync<Device>(claim.DeviceId, cancellation);
    }
}
