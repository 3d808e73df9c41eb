using Hamta.Host.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

/// <summary>«خروج»: signs the subscriber out (POST only, with the antiforgery token).</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutEverywhereAsync(SubscriberClaims.Scheme);
        return RedirectToPage("/Login");
    }
}
