using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Hamta.Host.Infrastructure;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>
/// «افزودن دستگاه»: the signed-in SIM claims a device it used before the device's brand joined the registry. The network's
/// sightings decide (asked of the Sim module), the Devices module registers it (ADR 22).
/// </summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
public sealed class AddDeviceModel(IMessageBus bus, IOptions<PreRegistrySettings> settings, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty]
    public string? Imei { get; set; }

    [BindProperty]
    public string? Brand { get; set; }

    [BindProperty]
    public string? DeviceModel { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Added { get; set; }

    /// <summary>The brands that joined after the registry started, with the date each joined, for the brand field's suggestions.</summary>
    public IEnumerable<KeyValuePair<string, DateTimeOffset>> Brands => settings.Value.BrandJoinDates.OrderBy(brand => brand.Key, StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset? RegistryStart => settings.Value.RegistryStart;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        Added = false;
        if (!TryImei(nameof(Imei), Imei, out var imei))
        {
            return Page();
        }

        var seen = await bus.InvokeAsync<FirstSightingWithSim>(new FindFirstSightingWithSim(imei, KartableSim), cancellation);
        PreRegistryClaimResult result;
        try
        {
            result = await bus.InvokeAsync<PreRegistryClaimResult>(
                new ClaimPreRegistryDevice(imei, Brand ?? string.Empty, DeviceModel ?? string.Empty, KartableSim, KartableNationalId, seen.SeenAt), cancellation);
        }
        catch (Exception exception) when (DuplicateClaims.Caused(exception))
        {
            result = new PreRegistryClaimResult(PreRegistryClaimOutcome.AlreadyRegistered);
        }

        switch (result.Outcome)
        {
            case PreRegistryClaimOutcome.Registered:
                return Redirect("/devices/add?added=true");
            case PreRegistryClaimOutcome.TextRefused:
                RefuseText(nameof(Brand), result.Brand);
                RefuseText(nameof(DeviceModel), result.Model);
                return Page();
        }

        var field = result.Outcome == PreRegistryClaimOutcome.BrandNotListed ? nameof(Brand) : nameof(Imei);
        Refuse(field, $"AddDevice_{result.Outcome}", result.JoinedAt is { } joined ? Display.Date(joined) : string.Empty);
        return Page();
    }

    private void RefuseText(string field, ClaimText problem)
    {
        switch (problem)
        {
            case ClaimText.Missing:
                Refuse(field, $"AddDevice_{field}Required");
                break;
            case ClaimText.TooLong:
                Refuse(field, "AddDevice_TooLong", Display.Number(ClaimPreRegistryDevice.MaxTextLength));
                break;
        }
    }
}
