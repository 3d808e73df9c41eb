using Hamta.Devices.Contracts;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// One lost-or-stolen case for an agent: the report, the sightings of its IMEIs since the report (which SIM used the
/// device, when: never shown outside the staff area) and «پیدا شد».
/// </summary>
public sealed class StaffLostCaseModel(IMessageBus bus) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string CaseNumber { get; set; } = string.Empty;

    public LostCaseDetails Case { get; private set; } = null!;

    public IReadOnlyList<ImeiSighting> Sightings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await bus.InvokeAsync<LostCaseDetails?>(new FindLostCase(CaseNumber), cancellation) is not { } found)
        {
            return NotFound();
        }

        Case = found;
        Sightings = await bus.InvokeAsync<IReadOnlyList<ImeiSighting>>(new FindSightingsSince(found.Imeis, found.ReportedAt), cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostFoundAsync(CancellationToken cancellation)
    {
        var result = await bus.InvokeAsync<FoundResult>(new MarkDeviceFound(CaseNumber, null, $"staff {User.Identity!.Name}"), cancellation);
        return result.Outcome == FoundOutcome.UnknownCase ? NotFound() : Redirect($"/staff/lost-cases/{Uri.EscapeDataString(CaseNumber)}");
    }
}
