using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Hamta.Host.Infrastructure.Forms;
using Hamta.Kernel.Text;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Tickets;

/// <summary>The subject's form; checks every field, then files the ticket.</summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
[RequestSizeLimit(TicketUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TicketUploads.MaxRequestBytes)]
[RefuseOversizeForms]
public sealed class TicketFormModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty(SupportsGet = true)]
    public TicketSubject Subject { get; set; }

    [BindProperty]
    public string? CorrectImei1 { get; set; }

    [BindProperty]
    public string? CorrectImei2 { get; set; }

    [BindProperty]
    public string? RegisteredImei1 { get; set; }

    [BindProperty]
    public string? RegisteredImei2 { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Imei { get; set; }

    [BindProperty]
    public string? NewImei { get; set; }

    [BindProperty]
    public string? OldSim { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty(Name = TicketUploads.Field)]
    public List<IFormFile> Attachments { get; set; } = [];

    public SubjectForm Form => TicketSubjectCatalog.Find(Subject)!;

    public IReadOnlyList<DeviceSummary> MyDevices { get; private set; } = [];

    public long? ExistingTicket { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!KnownSubject())
        {
            return RedirectToPage("/Tickets/New");
        }

        await LoadDevicesAsync(cancellation);
        if (Form.ImeiPairs && MyDevices.FirstOrDefault(d => Imei is not null && d.Imeis.Contains(Imei)) is { Imeis.Count: 2 } device)
        {
            (RegisteredImei1, RegisteredImei2) = (device.Imeis[0], device.Imeis[1]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!KnownSubject())
        {
            return RedirectToPage("/Tickets/New");
        }

        await LoadDevicesAsync(cancellation);
        var ticket = Form.ImeiPairs ? await MismatchTicketAsync(cancellation) : OtherTicket();
        if (ticket is null || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await bus.InvokeAsync<OpenTicketResult>(
            ticket with { Attachments = await TicketUploads.ReadAsync(Attachments, cancellation) }, cancellation);
        switch (result.Outcome)
        {
            case OpenTicketOutcome.Opened:
                return Redirect($"/tickets/{result.Number}?created=true");
            case OpenTicketOutcome.DuplicateOpenTicket:
                ExistingTicket = result.Number;
                break;
            case OpenTicketOutcome.AttachmentsRefused:
                RefuseAttachments(TicketUploads.Field, result.Refusal!);
                break;
            default:
                Refuse(nameof(Description), $"TicketForm_{result.Outcome}", Display.Number(TicketLimits.MaxText));
                break;
        }

        return Page();
    }

    /// <summary>The registry decides whether the pair may be corrected; the refusal is shown beside the field it concerns.</summary>
    private static readonly Dictionary<ImeiCorrectionClaimOutcome, string> ClaimRefusalFields = new()
    {
        [ImeiCorrectionClaimOutcome.NotYourDevice] = nameof(RegisteredImei1),
        [ImeiCorrectionClaimOutcome.NoDifference] = nameof(CorrectImei2),
        [ImeiCorrectionClaimOutcome.FirstMustMatch] = nameof(CorrectImei1),
        [ImeiCorrectionClaimOutcome.CorrectImeiTaken] = nameof(CorrectImei2),
    };

    private async Task<OpenTicket?> MismatchTicketAsync(CancellationToken cancellation)
    {
        var ok = TryImei(nameof(CorrectImei1), CorrectImei1, out var correct1);
        ok &= TryImei(nameof(CorrectImei2), CorrectImei2, out var correct2);
        ok &= TryImei(nameof(RegisteredImei1), RegisteredImei1, out var registered1);
        ok &= TryImei(nameof(RegisteredImei2), RegisteredImei2, out var registered2);
        if (!ok)
        {
            return null;
        }

        var check = await bus.InvokeAsync<ImeiCorrectionClaimCheck>(
            new CheckImeiCorrectionClaim(KartableNationalId, [registered1, registered2], [correct1, correct2]), cancellation);
        if (ClaimRefusalFields.TryGetValue(check.Outcome, out var field))
        {
            Refuse(field, $"TicketForm_{check.Outcome}");
            return null;
        }

        var device = check.Device!;
        return new OpenTicket(Subject, KartableSim, KartableNationalId, new TicketDevice(device.Id, device.Imeis, $"{device.Brand} {device.Model}"),
            [correct1, correct2], new Dictionary<string, string>(), Description ?? string.Empty, OneTimeForms.KeyOf(HttpContext));
    }

    private OpenTicket? OtherTicket()
    {
        var fields = new Dictionary<string, string>();
        if (Form.Imei && TryImei(nameof(Imei), Imei, out var imei))
        {
            fields[TicketFields.Imei] = imei;
        }

        if (Form.NewImei && TryImei(nameof(NewImei), NewImei, out var newImei))
        {
            fields[TicketFields.NewImei] = newImei;
        }

        if (Form.OldSim && TryMobile(nameof(OldSim), OldSim, out var oldSim))
        {
            fields[TicketFields.OldSim] = oldSim;
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var device = fields.TryGetValue(TicketFields.Imei, out var deviceImei) ? MyDevices.FirstOrDefault(d => d.Imeis.Contains(deviceImei)) : null;
        var ticketDevice = device is null ? null : new TicketDevice(device.Id, device.Imeis, $"{device.Brand} {device.Model}");
        return new OpenTicket(Subject, KartableSim, KartableNationalId, ticketDevice, [], fields, Description ?? string.Empty, OneTimeForms.KeyOf(HttpContext));
    }

    /// <summary>A forged or missing subject sends the subscriber back to choosing one.</summary>
    private bool KnownSubject()
    {
        var bound = !HasError(nameof(Subject)) && TicketSubjectCatalog.Find(Subject) is not null;
        ModelState.Remove(nameof(Subject));
        return bound;
    }

    /// <summary>The subscriber's devices, for the forms that name one (the picker, the match by IMEI); the other forms skip the lookup.</summary>
    private async Task LoadDevicesAsync(CancellationToken cancellation) =>
        MyDevices = Form.ImeiPairs || Form.Imei
            ? await bus.InvokeAsync<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(KartableNationalId), cancellation)
            : [];
}
