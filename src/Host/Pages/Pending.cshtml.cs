using Hamta.Host.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

/// <summary>A menu item whose feature has not shipped yet: a clear page instead of a 404.</summary>
public sealed class PendingModel : PageModel
{
    public MenuItem Item { get; private set; } = null!;

    public IActionResult OnGet(string feature)
    {
        if (PortalMenu.Pending(feature) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        return Page();
    }
}
