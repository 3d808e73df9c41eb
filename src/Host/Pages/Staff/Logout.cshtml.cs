using Hamta.Host.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages.Staff;

public sealed class StaffLogoutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Staff/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutEverywhereAsync(StaffPolicies.Scheme);
        return RedirectToPage("/Staff/Login");
    }
}
