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
    public const int MaxTextLength = 60;

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
        var ok = TryImei(nameof(Imei), Imei, out var imei);
        ok &= TryText(nameof(Brand), Brand, out var brand);
        ok &= TryText(nameof(DeviceModel), DeviceModel, out var model);
        if (!ok)
        {
            return Page();
        }

        var seen = await bus.InvokeAsync<FirstSightingWithSim>(new FindFirstSightingWithSim(imei, KartableSim), cancellation);
        PreRegistryClaimResult result;
        try
        {
            result = await bus.InvokeAsync<PreRegistryClaimResult>(
                new ClaimPreRegistryDevice(imei, brand, model, KartableSim, KartableNationalId, seen.SeenAt), cancellation);
        }
        catch (Exception exception) when (DuplicateClaims.Caused(exception))
        {
            result = new PreRegistryClaimResult(PreRegistryClaimOutcome.AlreadyRegistered);
        }

        if (result.Outcome == PreRegistryClaimOutcome.Registered)
        {
            return Redirect("/devices/add?added=true");
        }

        var field = result.Outcome == PreRegistryClaimOutcome.BrandNotListed ? nameof(Brand) : nameof(Imei);
        Refuse(field, $"AddDevice_{result.Outcome}", result.JoinedAt is { } joined ? Display.Date(joined) : string.Empty);
        return Page();
    }

    private bool TryText(string field, string? input, out string text)
    {
        text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            Refuse(field, $"AddDevice_{field}Required");
            return false;
        }

        if (text.Length > MaxTextLength)
        {
            Refuse(field, "AddDevice_TooLong", Display.Number(MaxTextLength));
            return false;
        }

        return true;
    }
}
