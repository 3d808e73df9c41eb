using System.Security.Claims;
using Hamta.Host.Identity;
using Hamta.Host.Infrastructure.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// Staff accounts for admins: create agents, auditors, registry clerks and admins, reset a password, disable or
/// enable an account. A password left empty is made here and shown once, on the answer to the post; it is kept
/// only as a hash. A reset or a disable ends every session of that account.
/// </summary>
public sealed class StaffAccountsModel(StaffSignIn staff, IStringLocalizer<StaffResource> texts) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>What was just done, and to whom, after the redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? DoneFor { get; set; }

    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    /// <summary>A password made here, shown on this answer only.</summary>
    public (string Username, string Password)? Issued { get; private set; }

    /// <summary>Why an action on an account of the list was refused.</summary>
    public string? Problem { get; private set; }

    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No staff member is signed in.");

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken cancellation) => Accounts = await staff.ListAsync(cancellation);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellation)
    {
        var username = Username?.Trim() ?? string.Empty;
        var password = string.IsNullOrEmpty(Password) ? StaffAccountRules.NewPassword() : Password;
        var problem = await staff.CreateAsync(username, DisplayName ?? string.Empty, password, StaffAccountRules.Roles(Roles) ?? [], cancellation);
        if (problem != StaffAccountProblem.None)
        {
            ModelState.AddModelError(FieldOf(problem), texts[$"Accounts_{problem}"]);
            return await ShowAsync(cancellation);
        }

        return string.IsNullOrEmpty(Password)
            ? await ShowOnceAsync(username, password, "created", cancellation)
            : Redirect(DoneUrl("created", username));
    }

    public async Task<IActionResult> OnPostResetAsync(string username, string? newPassword, CancellationToken cancellation)
    {
        var password = string.IsNullOrEmpty(newPassword) ? StaffAccountRules.NewPassword() : newPassword;
        var problem = await staff.ResetPasswordAsync(username, password, cancellation);
        if (problem != StaffAccountProblem.None)
        {
            Problem = texts[$"Accounts_{problem}"];
            return await ShowAsync(cancellation);
        }

        return string.IsNullOrEmpty(newPassword)
            ? await ShowOnceAsync(StaffAccount.IdOf(username), password, "reset", cancellation)
            : Redirect(DoneUrl("reset", username));
    }

    public async Task<IActionResult> OnPostDisableAsync(string username, CancellationToken cancellation)
    {
        if (StaffAccount.IdOf(username) == Me)
        {
            Problem = texts["Accounts_OwnAccount"];
            return await ShowAsync(cancellation);
        }

        return await staff.DisableAsync(username, cancellation) ? Redirect(DoneUrl("disabled", username)) : await NoSuchAccountAsync(cancellation);
    }

    public async Task<IActionResult> OnPostEnableAsync(string username, CancellationToken cancellation) =>
        await staff.EnableAsync(username, cancellation) ? Redirect(DoneUrl("enabled", username)) : await NoSuchAccountAsync(cancellation);

    private async Task<IActionResult> NoSuchAccountAsync(CancellationToken cancellation)
    {
        Problem = texts["Accounts_NoSuchAccount"];
        return await ShowAsync(cancellation);
    }

    /// <summary>The new password on this answer only: never cached, and a re-post of the form only says it was shown.</summary>
    private async Task<IActionResult> ShowOnceAsync(string username, string password, string done, CancellationToken cancellation)
    {
        Issued = (StaffAccount.IdOf(username), password);
        Response.Headers.CacheControl = "no-store";
        OneTimeForms.AnswerAgainWith(HttpContext, DoneUrl("shown", username));
        ModelState.Clear();
        (Username, DisplayName, Password, Roles, Done, DoneFor) = (null, null, null, [], done, StaffAccount.IdOf(username));
        return await ShowAsync(cancellation);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellation)
    {
        Password = null;
        await OnGetAsync(cancellation);
        return Page();
    }

    private static string DoneUrl(string done, string username) => $"/staff/accounts?done={done}&user={Uri.EscapeDataString(StaffAccount.IdOf(username))}";

    private static string FieldOf(StaffAccountProblem problem) => problem switch
    {
        StaffAccountProblem.UsernameInvalid or StaffAccountProblem.AlreadyExists => nameof(Username),
        StaffAccountProblem.DisplayNameMissing => nameof(DisplayName),
        StaffAccountProblem.RoleMissing => nameof(Roles),
        _ => nameof(Password),
    };
}
