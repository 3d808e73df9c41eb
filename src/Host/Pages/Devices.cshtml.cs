using Hamta.Devices.Contracts;
using Hamta.Sim.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«مدیریت دستگاه ها»: the devices owned by any SIM of the signed-in national ID.</summary>
public sealed class DevicesModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    private IReadOnlyDictionary<string, DateTimeOffset> lastSeen = new Dictionary<string, DateTimeOffset>();

    public IReadOnlyList<DeviceSummary> Devices { get; private set; } = [];

    public DateTimeOffset? LastSeen(DeviceSummary device) =>
        device.Imeis.Select(imei => lastSeen.TryGetValue(imei, out var seen) ? seen : (DateTimeOffset?)null).Max();

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Devices = await bus.InvokeAsync<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(KartableNationalId), cancellation);
        var sightings = await bus.InvokeAsync<LastSeenOnNetwork>(new FindLastSeenOnNetwork(Devices.SelectMany(d => d.Imeis).ToList()), cancellation);
        lastSeen = sightings.ByImei;
    }
}
