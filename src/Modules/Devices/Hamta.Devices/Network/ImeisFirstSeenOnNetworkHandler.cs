using Hamta.Devices.Registry;
using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Devices.Network;

/// <summary>
/// Records the first time the network saw each registered device of a batch: one query for the IMEIs' devices,
/// each device fetched for writing once (its two IMEIs may be in the same batch); unregistered IMEIs change nothing.
/// </summary>
public static class ImeisFirstSeenOnNetworkHandler
{
    public static async Task Handle(ImeisFirstSeenOnNetwork seen, IDocumentSession session, CancellationToken cancellation)
    {
        var claims = await session.LoadManyAsync<ImeiClaim>(cancellation, seen.Sightings.Select(s => s.Imei).Distinct().ToArray());
        var firstByDevice = claims
            .Join(seen.Sightings, c => c.Id, s => s.Imei, (c, s) => (c.DeviceId, Sighting: s))
            .GroupBy(x => x.DeviceId, x => x.Sighting)
            .Select(g => (DeviceId: g.Key, First: g.MinBy(s => s.SeenAt)!));
        foreach (var (deviceId, first) in firstByDevice)
        {
            var stream = await session.Events.FetchForWriting<Device>(deviceId, cancellation);
            if (stream.Aggregate is { FirstSeenOnNetworkAt: null } device)
            {
                stream.AppendOne(new DeviceFirstSeenOnNetwork(device.Id, first.Imei, first.SeenAt));
            }
        }
    }
}
