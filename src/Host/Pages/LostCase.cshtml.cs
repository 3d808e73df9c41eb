using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>The subscriber's own lost-or-stolen case: its number and details, and «پیدا شد» while it is open.</summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
public sealed class LostCaseModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public static string PathOf(string caseNumber) => $"/devices/lost/{Uri.EscapeDataString(caseNumber)}";

    [BindProperty(SupportsGet = true)]
    public string CaseNumber { get; set; } = string.Empty;

    public LostCaseDetails Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostFoundAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation))
        {
            return NotFound();
        }

        var result = await bus.InvokeAsync<FoundResult>(new MarkDeviceFound(Case.CaseNumber, KartableNationalId, KartableSim), cancellation);
        if (result.Outcome == FoundOutcome.NotYourDevice)
        {
            Refuse(string.Empty, "LostCase_NotYourDevice");
            return Page();
        }

        return Redirect(PathOf(Case.CaseNumber));
    }

    /// <summary>Only the national ID that reported the case sees it; any other case number is simply not found.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await bus.InvokeAsync<LostCaseDetails?>(new FindLostCase(CaseNumber, KartableNationalId), cancellation) is not { } found)
        {
            return false;
        }

        Case = found;
        return true;
    }
}
