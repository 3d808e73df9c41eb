using Hamta.Devices.Contracts;
using Hamta.Sim.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«مدیریت سیم کارت ها»: the SIMs of the signed-in national ID and the devices each owns.</summary>
public sealed class SimsModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    private IReadOnlyList<DeviceSummary> devices = [];

    public IReadOnlyList<SimCardInfo> Sims { get; private set; } = [];

    public IEnumerable<DeviceSummary> DevicesOf(string sim) => devices.Where(d => d.OwnerSim == sim);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Sims = await bus.InvokeAsync<IReadOnlyList<SimCardInfo>>(new FindSimCardsOf(KartableNationalId), cancellation);
        devices = await bus.InvokeAsync<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(KartableNationalId), cancellation);
    }
}
