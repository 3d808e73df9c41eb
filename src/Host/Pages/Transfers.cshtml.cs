using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«سوابق انتقال مالکیت»: the transfers the signed-in national ID started and is waiting on, and those it made and received.</summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
public sealed class TransfersModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public IReadOnlyList<PendingTransferRecord> Pending { get; private set; } = [];

    public IReadOnlyList<TransferRecord> Transfers { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Cancelled { get; set; }

    public Task OnGetAsync(CancellationToken cancellation) => LoadAsync(cancellation);

    public async Task<IActionResult> OnPostCancelAsync(string? deviceId, string? transferId, CancellationToken cancellation)
    {
        var result = Guid.TryParse(deviceId, out var device) && Guid.TryParse(transferId, out var transfer)
            ? await bus.InvokeAsync<TransferCancelResult>(new CancelTransfer(device, transfer, KartableSim, KartableNationalId), cancellation)
            : new TransferCancelResult(TransferCancelOutcome.NotFound);
        if (result.Outcome == TransferCancelOutcome.Cancelled)
        {
            return RedirectToPage(new { cancelled = true });
        }

        Cancelled = false;
        Refuse(string.Empty, $"Transfers_{result.Outcome}");
        await LoadAsync(cancellation);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Pending = await bus.InvokeAsync<IReadOnlyList<PendingTransferRecord>>(new FindPendingTransfers(KartableNationalId), cancellation);
        Transfers = await bus.InvokeAsync<IReadOnlyList<TransferRecord>>(new FindTransfers(KartableNationalId), cancellation);
    }
}
