using Hamta.Devices.Registry;
using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Devices.Network;

/// <summary>Records the first time the network saw a registered device; later sightings change nothing.</summary>
public static class NetworkAttachObservedHandler
{
    public static Task<DeviceChange?> LoadAsync(NetworkAttachObserved observed, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, observed.Imei, cancellation);

    public static void Handle(NetworkAttachObserved observed, DeviceChange? stream)
    {
        if (stream?.Device is { FirstSeenOnNetworkAt: null } device)
        {
            stream.Append(new DeviceFirstSeenOnNetwork(device.Id, observed.Imei, observed.ObservedAt));
        }
    }
}
