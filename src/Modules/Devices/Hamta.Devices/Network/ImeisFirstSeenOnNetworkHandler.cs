using Hamta.Devices.Registry;
using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Devices.Network;

/// <summary>
/// Records the first time the network saw each registered device of a batch: one query for the devices holding
/// the IMEIs, each device changed once (its two IMEIs may be in the same batch); unregistered IMEIs change nothing.
/// </summary>
public static class ImeisFirstSeenOnNetworkHandler
{
    public static async Task Handle(ImeisFirstSeenOnNetwork seen, IDocumentSession session, CancellationToken cancellation)
    {
        var sightings = seen.Sightings.ToLookup(s => s.Imei);
        foreach (var deviceId in await Registrations.HoldersAsync(session, [.. sightings.Select(s => s.Key)], cancellation))
        {
            if (await DeviceStreams.ForDeviceAsync(session, deviceId, cancellation) is { Device: { FirstSeenOnNetworkAt: null } device } change
                && device.Imeis.SelectMany(imei => sightings[imei]).MinBy(s => s.SeenAt) is { } first)
            {
                change.Append(new DeviceFirstSeenOnNetwork(device.Id, first.Imei, first.SeenAt));
            }
        }
    }
}
