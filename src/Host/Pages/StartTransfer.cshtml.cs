using Hamta.Devices.Contracts;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Hamta.Host.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>The owner confirms with the kartable password and gets the one-time code for the buyer.</summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
public sealed class StartTransferModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public string? Imei { get; set; }

    [BindProperty]
    public string? BuyerSim { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<DeviceSummary> Devices { get; private set; } = [];

    public string? Code { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public Task OnGetAsync(CancellationToken cancellation) => LoadDevicesAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        await LoadDevicesAsync(cancellation);
        var device = Imei is null ? null : Devices.FirstOrDefault(d => d.Imeis.Contains(Imei));
        if (device is null)
        {
            Refuse(nameof(Imei), "StartTransfer_NotThisSim");
            return Page();
        }

        string? buyer = null;
        if (!string.IsNullOrWhiteSpace(BuyerSim) && !TryMobile(nameof(BuyerSim), BuyerSim, out buyer))
        {
            return Page();
        }

        var password = await bus.InvokeAsync<KartablePasswordCheck>(new VerifyKartablePassword(KartableSim, Password ?? string.Empty), cancellation);
        if (password.Verdict != KartablePasswordVerdict.Matches)
        {
            Refuse(nameof(Password), $"StartTransfer_Password{password.Verdict}", Display.Number(password.LockedMinutes));
            return Page();
        }

        var result = await bus.InvokeAsync<TransferStartResult>(new StartTransfer(device.Imeis[0], KartableSim, KartableNationalId, buyer), cancellation);
        if (result.Outcome != TransferOutcome.Started)
        {
            Refuse(nameof(Imei), $"StartTransfer_{result.Outcome}");
            return Page();
        }

        (Code, ExpiresAt) = (result.Code, result.ExpiresAt);
        return Page();
    }

    private async Task LoadDevicesAsync(CancellationToken cancellation)
    {
        var owned = await bus.InvokeAsync<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(KartableNationalId), cancellation);
        Devices = owned.Where(d => d.OwnerSim == KartableSim).ToList();
        if (Imei is not null && Kernel.Identifiers.Imei.Check(Imei, out var normalized) == ImeiProblem.None)
        {
            Imei = normalized;
        }
    }
}
