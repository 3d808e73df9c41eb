using Hamta.Host.Identity;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

[EnableRateLimiting(IdentityRegistration.LoginRateLimit)]
public sealed class LoginModel(IMessageBus bus, TimeProvider clock, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty]
    public string? Mobile { get; set; }

    public IActionResult OnGet() => SubscriberClaims.MobileOf(User) is null ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!TryMobile(nameof(Mobile), Mobile, out var mobile))
        {
            return Page();
        }

        var result = await bus.InvokeAsync<LoginCodeRequestResult>(new RequestLoginCode(mobile), cancellation);
        if (result.Outcome == LoginCodeRequestOutcome.TooManyRequests)
        {
            var nextCodeAt = clock.GetUtcNow().AddSeconds(result.RetryAfterSeconds);
            Refuse(nameof(Mobile), "Login_TooManyCodes",
                Display.Time(nextCodeAt), Display.Number(MinutesFrom(result.RetryAfterSeconds)));
            return Page();
        }

        return RedirectToPage("/LoginCode", new { mobile, outcome = result.Outcome.ToString() });
    }
}
