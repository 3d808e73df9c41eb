using Hamta.Devices.Registry;
using Hamta.Sim.Contracts;
using Marten;
using JasperFx.Events;

namespace Hamta.Devices.Network;

/// <summary>Records the first time the network saw a registered device; later sightings change nothing.</summary>
public static class NetworkAttachObservedHandler
{
    public static Task<IEventStream<Device>?> LoadAsync(NetworkAttachObserved observed, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, observed.Imei, cancellation);

    public static void Handle(NetworkAttachObserved observed, IEventStream<Device>? stream)
    {
        if (stream?.Aggregate is { FirstSeenOnNetworkAt: null } device)
        {
            stream.AppendOne(new DeviceFirstSeenOnNetwork(device.Id, observed.Imei, observed.ObservedAt));
        }
    }
}
