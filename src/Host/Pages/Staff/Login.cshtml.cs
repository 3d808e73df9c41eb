using System.Text;
using Hamta.Host.Identity;
using Hamta.Kernel.Security;
using Hamta.Kernel.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Hamta.Host.Pages.Staff;

[EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
public sealed class StaffLoginModel(StaffSignIn signIn, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var result = string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password)
            ? StaffSignInResult.Wrong
            : await signIn.CheckAsync(Username, Password, cancellation);
        if (result.LockedFor > TimeSpan.Zero)
        {
            Refuse(nameof(Password), "StaffLogin_Locked", Display.Number(Lockout.MinutesOf(result.LockedFor)));
            return Page();
        }

        if (result.Account is not { } account)
        {
            Refuse(nameof(Password), "StaffLogin_Wrong");
            return Page();
        }

        await HttpContext.SignInStaffAsync(account);
        if (Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(EscapeNonAscii(ReturnUrl));
        }

        var auditorOnly = account.Roles.SequenceEqual([StaffRoles.Auditor]);
        return RedirectToPage(auditorOnly ? "/Staff/History" : "/Staff/Index");
    }

    /// <summary>A Location header carries ASCII only: other characters of a local address are sent percent-encoded.</summary>
    private static string EscapeNonAscii(string url) =>
        string.Concat(url.EnumerateRunes().Select(rune => rune.IsAscii && !Rune.IsControl(rune) ? rune.ToString() : Uri.EscapeDataString(rune.ToString())));
}
