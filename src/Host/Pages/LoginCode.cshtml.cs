using Hamta.Host.Identity;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

[EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
public sealed class LoginCodeModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string? Notice { get; private set; }

    public string MaskedMobile => MobileNumber.Mask(Mobile ?? string.Empty);

    public IActionResult OnGet() => MobileNumber.TryNormalize(Mobile, out _) ? Page() : RedirectToPage("/Login");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!MobileNumber.TryNormalize(Mobile, out var mobile))
        {
            return RedirectToPage("/Login");
        }

        var code = DigitNormalizer.Normalize(Code);
        if (code.Length != 6 || !DigitNormalizer.IsAsciiDigits(code))
        {
            Refuse(nameof(Code), "LoginCode_InvalidFormat");
            return Page();
        }

        var result = await bus.InvokeAsync<LoginVerificationResult>(new VerifyLoginCode(mobile, code), cancellation);
        switch (result.Outcome)
        {
            case LoginVerificationOutcome.SignedIn:
                await HttpContext.SignInSubscriberAsync(result.Subscriber!);
                return Redirect("/");
            case LoginVerificationOutcome.WrongCode:
                Refuse(nameof(Code), "LoginCode_Wrong", result.TriesLeft);
                return Page();
            case LoginVerificationOutcome.LockedOut:
                Refuse(nameof(Code), "LoginCode_LockedOut");
                return Page();
            case LoginVerificationOutcome.Expired:
                Refuse(nameof(Code), "LoginCode_Expired");
                return Page();
            default:
                Refuse(nameof(Code), "LoginCode_NoActiveCode");
                return Page();
        }
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellation)
    {
        if (!MobileNumber.TryNormalize(Mobile, out var mobile))
        {
            return RedirectToPage("/Login");
        }

        var result = await bus.InvokeAsync<LoginCodeRequestResult>(new RequestLoginCode(mobile), cancellation);
        switch (result.Outcome)
        {
            case LoginCodeRequestOutcome.Sent:
                Notice = Texts["LoginCode_Resent"];
                break;
            case LoginCodeRequestOutcome.CooldownActive:
                Refuse(nameof(Code), "LoginCode_Cooldown", result.RetryAfterSeconds);
                break;
            case LoginCodeRequestOutcome.TooManyRequests:
                Refuse(nameof(Code), "Login_TooManyCodes", MinutesFrom(result.RetryAfterSeconds));
                break;
            default:
                return RedirectToPage("/Login");
        }

        return Page();
    }
}
