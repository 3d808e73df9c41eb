using Hamta.Devices.Contracts;
using Hamta.Host.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«ثبت گوشی تعمیراتی»: the post-repair IMEI replaces the old one on a device this SIM owns.</summary>
public sealed class RepairModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public string? OldImei { get; set; }

    [BindProperty]
    public string? NewImei { get; set; }

    public bool Success { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var oldOk = TryImei(nameof(OldImei), OldImei, out var oldImei);
        var newOk = TryImei(nameof(NewImei), NewImei, out var newImei);
        if (!oldOk || !newOk)
        {
            return Page();
        }

        RepairResult result;
        try
        {
            result = await bus.InvokeAsync<RepairResult>(new RegisterRepair(oldImei, newImei, KartableSim, KartableNationalId), cancellation);
        }
        catch (Exception exception) when (DuplicateClaims.Caused(exception))
        {
            result = new RepairResult(RepairOutcome.NewImeiTaken);
        }

        if (result.Outcome == RepairOutcome.Replaced)
        {
            Success = true;
            OldImei = NewImei = null;
            return Page();
        }

        Refuse(result.Outcome is RepairOutcome.NotYourDevice or RepairOutcome.Blocked ? nameof(OldImei) : nameof(NewImei), $"Repair_{result.Outcome}");
        return Page();
    }
}
