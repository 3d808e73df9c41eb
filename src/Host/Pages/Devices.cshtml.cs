using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Identifiers;
using Hamta.Sim.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«مدیریت دستگاه ها»: the devices owned by any SIM of the signed-in national ID.</summary>
public sealed class DevicesModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    private IReadOnlyDictionary<string, DateTimeOffset> lastSeen = new Dictionary<string, DateTimeOffset>();

    public IReadOnlyList<DeviceSummary> Devices { get; private set; } = [];

    private EnforcementStates enforcement = new([]);

    public IReadOnlyList<ImeiEnforcementState> EnforcementOf(DeviceSummary device) =>
        enforcement.States.Where(s => device.Imeis.Contains(s.Imei)).ToList();

    /// <summary>Warnings about IMEIs last seen with this SIM that are not on an owned device (an unregistered second IMEI, say).</summary>
    public IReadOnlyList<ImeiEnforcementState> WarningsOfThisSim =>
        enforcement.States.Where(s => s.Msisdn == KartableSim && !Devices.Any(d => d.Imeis.Contains(s.Imei))).ToList();

    /// <summary>An owned dual-SIM device of the same model (TAC) as an unregistered IMEI: the IMEI-mismatch ticket's case.</summary>
    public string? MismatchDeviceFor(ImeiEnforcementState state) =>
        Devices.FirstOrDefault(d => d.Imeis.Count == 2 && d.Imeis.Any(i => Imei.TacOf(i) == Imei.TacOf(state.Imei)))?.Imeis[0];

    public DateTimeOffset? LastSeen(DeviceSummary device) =>
        device.Imeis.Select(imei => lastSeen.TryGetValue(imei, out var seen) ? seen : (DateTimeOffset?)null).Max();

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Devices = await bus.InvokeAsync<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(KartableNationalId), cancellation);
        var sightings = await bus.InvokeAsync<LastSeenOnNetwork>(new FindLastSeenOnNetwork(Devices.SelectMany(d => d.Imeis).ToList()), cancellation);
        lastSeen = sightings.ByImei;
        enforcement = await bus.InvokeAsync<EnforcementStates>(new FindEnforcementStates(Devices.SelectMany(d => d.Imeis).ToList(), KartableSim), cancellation);
    }
}
