using Hamta.Kernel.Identifiers;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>An agent records that a SIM card expired; its devices move to another SIM of the same national ID, or to nobody.</summary>
public sealed class StaffSimExpiryModel(IMessageBus bus, IStringLocalizer<StaffResource> texts) : PageModel
{
    [BindProperty]
    public string? Number { get; set; }

    /// <summary>After the redirect: the SIM that expired, and the SIM its devices went to.</summary>
    [BindProperty(SupportsGet = true, Name = "expired")]
    public string? Expired { get; set; }

    [BindProperty(SupportsGet = true, Name = "successor")]
    public string? Successor { get; set; }

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public void OnGet()
    {
        ModelState.Clear();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        Expired = Successor = null;
        if (!MobileNumber.TryNormalize(Number, out var number))
        {
            ModelState.AddModelError(nameof(Number), texts["SimExpiry_InvalidNumber"]);
            return Page();
        }

        var result = await bus.InvokeAsync<SimExpiryResult>(new ExpireSimCard(number, $"staff {User.Identity!.Name}"), cancellation);
        if (result.Outcome != SimExpiryOutcome.Expired)
        {
            ModelState.AddModelError(nameof(Number), texts[$"SimExpiry_{result.Outcome}"]);
            return Page();
        }

        var query = $"?expired={number}" + (result.SuccessorSim is { } successor ? $"&successor={successor}" : string.Empty);
        return Redirect($"/staff/sim-expiry{query}");
    }
}
