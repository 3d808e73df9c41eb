using Hamta.Host.Identity;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>
/// The code page says what really happened to the last request (sent, or not sent and why) and when a new code can be
/// had; every well-formed number gets the same answer, so it never tells whether the number has a SIM.
/// </summary>
[EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
public sealed class LoginCodeModel(IMessageBus bus, TimeProvider clock, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public string? Mobile { get; set; }

    /// <summary>What the request that led here got: <see cref="LoginCodeRequestOutcome"/> by name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>What happened to the last request and whether a code works now.</summary>
    public string? Notice { get; private set; }

    /// <summary>True when no new code was sent.</summary>
    public bool NoticeIsWarning { get; private set; }

    /// <summary>When a new code can be asked for («ارسال دوباره کد از ساعت …»); null when at once.</summary>
    public string? ResendWait { get; private set; }

    public int ResendWaitSeconds { get; private set; }

    public string MaskedMobile => MobileNumber.Mask(Mobile ?? string.Empty);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!MobileNumber.TryNormalize(Mobile, out var mobile))
        {
            return RedirectToPage("/Login");
        }

        await DescribeAsync(mobile, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!MobileNumber.TryNormalize(Mobile, out var mobile))
        {
            return RedirectToPage("/Login");
        }

        Outcome = null;
        var code = DigitNormalizer.Normalize(Code);
        if (code.Length != 6 || !DigitNormalizer.IsAsciiDigits(code))
        {
            Refuse(nameof(Code), "LoginCode_InvalidFormat");
            await DescribeAsync(mobile, cancellation);
            return Page();
        }

        var result = await bus.InvokeAsync<LoginVerificationResult>(new VerifyLoginCode(mobile, code), cancellation);
        switch (result.Outcome)
        {
            case LoginVerificationOutcome.SignedIn:
                await HttpContext.SignInSubscriberAsync(result.Subscriber!);
                return Redirect("/");
            case LoginVerificationOutcome.WrongCode:
                Refuse(nameof(Code), "LoginCode_Wrong", Display.Number(result.TriesLeft));
                break;
            case LoginVerificationOutcome.LockedOut:
                Refuse(nameof(Code), "LoginCode_LockedOut");
                break;
            case LoginVerificationOutcome.Expired:
                Refuse(nameof(Code), "LoginCode_Expired");
                break;
            default:
                Refuse(nameof(Code), "LoginCode_NoActiveCode");
                break;
        }

        await DescribeAsync(mobile, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellation)
    {
        if (!MobileNumber.TryNormalize(Mobile, out var mobile))
        {
            return RedirectToPage("/Login");
        }

        var result = await bus.InvokeAsync<LoginCodeRequestResult>(new RequestLoginCode(mobile), cancellation);
        return RedirectToPage(new { mobile, outcome = result.Outcome.ToString() });
    }

    private async Task DescribeAsync(string mobile, CancellationToken cancellation)
    {
        var status = await bus.InvokeAsync<LoginCodeStatus>(new GetLoginCodeStatus(mobile), cancellation);
        var now = clock.GetUtcNow();
        var outcome = Enum.TryParse<LoginCodeRequestOutcome>(Outcome, out var parsed) && Enum.IsDefined(parsed) ? parsed : (LoginCodeRequestOutcome?)null;
        var sent = status.LastSentAt is { } at ? Time(at) : null;
        var valid = status.ValidUntil is { } until ? Time(until) : null;
        (Notice, NoticeIsWarning) = outcome switch
        {
            LoginCodeRequestOutcome.TooManyRequests =>
                (Texts["Login_TooManyCodes", Time(status.NextCodeAt), Display.Number(MinutesFrom(SecondsUntil(status.NextCodeAt, now)))].Value, true),
            LoginCodeRequestOutcome.CooldownActive when valid is not null => (Texts["LoginCode_Cooldown", sent!, valid].Value, true),
            _ when valid is not null => (Texts["LoginCode_Resent", sent!, valid].Value, false),
            _ => (Texts["LoginCode_NoValidCode"].Value, outcome is not null),
        };

        ResendWaitSeconds = SecondsUntil(status.NextCodeAt, now);
        ResendWait = ResendWaitSeconds == 0 ? null : Texts[status.CapReached ? "LoginCode_ResendCapAt" : "LoginCode_ResendAt", Time(status.NextCodeAt)].Value;
    }

    private static int SecondsUntil(DateTimeOffset instant, DateTimeOffset now) => Math.Max(0, (int)Math.Ceiling((instant - now).TotalSeconds));

    private static string Time(DateTimeOffset instant) => Display.Time(instant);
}
