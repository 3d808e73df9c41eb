using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Hamta.Host.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«حساب کاربری»: profile, SIMs and the kartable password.</summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
public sealed class AccountModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public IReadOnlyList<SimCardInfo> Sims { get; private set; } = [];

    public bool HasPassword { get; private set; }

    public bool PasswordSaved { get; private set; }

    public Task OnGetAsync(CancellationToken cancellation) => LoadAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var result = await bus.InvokeAsync<KartablePasswordResult>(
            new SetKartablePassword(KartableSim, CurrentPassword, NewPassword ?? string.Empty), cancellation);
        switch (result.Outcome)
        {
            case KartablePasswordOutcome.Set:
                PasswordSaved = true;
                break;
            case KartablePasswordOutcome.WrongCurrentPassword:
                Refuse(nameof(CurrentPassword), "Account_WrongCurrentPassword");
                break;
            case KartablePasswordOutcome.Locked:
                Refuse(nameof(CurrentPassword), "Account_PasswordLocked", Display.Number(result.LockedMinutes));
                break;
            default:
                Refuse(nameof(NewPassword), "Account_PasswordTooShort");
                break;
        }

        await LoadAsync(cancellation);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Sims = await bus.InvokeAsync<IReadOnlyList<SimCardInfo>>(new FindSimCardsOf(KartableNationalId), cancellation);
        HasPassword = await bus.InvokeAsync<bool>(new HasKartablePassword(KartableSim), cancellation);
    }
}
