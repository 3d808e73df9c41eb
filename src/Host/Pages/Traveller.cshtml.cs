using Hamta.Devices.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«اطلاعات ثبت مسافری»: customs registrations made under the signed-in national ID.</summary>
public sealed class TravellerModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public IReadOnlyList<TravellerRegistration> Registrations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Registrations = await bus.InvokeAsync<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations(KartableNationalId), cancellation);
}
