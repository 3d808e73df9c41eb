using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages;

/// <summary>«گزارش مفقودی یا سرقت»: a device of the signed-in national ID reported lost or stolen; the answer is its case.</summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
public sealed class ReportLostModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public string? Imei { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? LostOn { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public string? PoliceReport { get; set; }

    /// <summary>The national ID's devices that are not reported already.</summary>
    public IReadOnlyList<DeviceSummary> Devices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var owned = await LoadDevicesAsync(cancellation);
        return owned.FirstOrDefault(d => Imei is not null && d.Imeis.Contains(Imei))?.LostCaseNumber is { } open
            ? Redirect(LostCaseModel.PathOf(open))
            : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var owned = await LoadDevicesAsync(cancellation);
        var device = Imei is null ? null : owned.FirstOrDefault(d => d.Imeis.Contains(Imei));
        if (device is null)
        {
            Refuse(nameof(Imei), "ReportLost_NotYourDevice");
        }

        if (!Enum.TryParse<LossKind>(Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
        {
            Refuse(nameof(Kind), "ReportLost_ChooseKind");
        }

        if (!JalaliDate.TryParseDay(LostOn, out var lostOn))
        {
            Refuse(nameof(LostOn), "ReportLost_InvalidDate");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await bus.InvokeAsync<LossReportResult>(
            new ReportDeviceLost(device!.Imeis[0], KartableSim, KartableNationalId, kind, lostOn, Place, PoliceReport), cancellation);
        switch (result.Outcome)
        {
            case LossReportOutcome.Reported:
            case LossReportOutcome.AlreadyReported:
                return Redirect(LostCaseModel.PathOf(result.CaseNumber!));
            case LossReportOutcome.LostInTheFuture:
                Refuse(nameof(LostOn), "ReportLost_LostInTheFuture");
                break;
            case LossReportOutcome.MissingPlace:
                Refuse(nameof(Place), "ReportLost_MissingPlace");
                break;
            case LossReportOutcome.PlaceTooLong:
                Refuse(nameof(Place), "ReportLost_PlaceTooLong", Display.Number(ReportDeviceLost.MaxPlaceLength));
                break;
            case LossReportOutcome.InvalidPoliceReport:
                Refuse(nameof(PoliceReport), "ReportLost_InvalidPoliceReport");
                break;
            default:
                Refuse(nameof(Imei), "ReportLost_NotYourDevice");
                break;
        }

        return Page();
    }

    private async Task<IReadOnlyList<DeviceSummary>> LoadDevicesAsync(CancellationToken cancellation)
    {
        var owned = await bus.InvokeAsync<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(KartableNationalId), cancellation);
        Devices = owned.Where(d => d.LostCaseNumber is null).ToList();
        if (Imei is not null && Kernel.Identifiers.Imei.Check(Imei, out var normalized) == Kernel.Identifiers.ImeiProblem.None)
        {
            Imei = normalized;
        }

        return owned;
    }
}
