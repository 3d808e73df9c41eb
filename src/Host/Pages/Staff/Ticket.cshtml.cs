using System.Security.Claims;
using Hamta.Devices.Contracts;
using Hamta.Kernel.Text;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// One ticket for an agent: its facts, its whole timeline (internal notes included) and the agent's
/// actions. Every action carries the version the agent saw, so nobody acts on a ticket they have not read.
/// </summary>
public sealed class StaffTicketModel(IMessageBus bus, IStringLocalizer<StaffResource> texts) : PageModel
{
    public const string TextField = "text";

    [BindProperty(SupportsGet = true)]
    public long Number { get; set; }

    /// <summary>The action just done, after the redirect, to confirm it.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    [BindProperty(Name = "version")]
    public long ExpectedVersion { get; set; }

    [BindProperty(Name = TextField)]
    public string? Text { get; set; }

    public TicketDetails Ticket { get; private set; } = null!;

    /// <summary>The ticket's device as the registry holds it now: a correction or a repair may have changed its IMEIs since filing.</summary>
    public DeviceSummary? Device { get; private set; }

    /// <summary>The IMEIs the registry holds for the device now differ from those the ticket was filed with.</summary>
    public bool ImeisChanged => Device is not null && Ticket.Device is { } filed && !Device.Imeis.SequenceEqual(filed.RegisteredImeis);

    /// <summary>A message about the whole action (the ticket changed meanwhile, the action is not allowed now).</summary>
    public string? Problem { get; private set; }

    public string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No staff member is signed in.");

    public bool IsOpen => Ticket.IsOpen;

    public bool AssignedToMe => Ticket.AssignedAgent == Me;

    public bool HasError(string field) => ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        return await LoadAsync(cancellation) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAssignAsync(CancellationToken cancellation) => ActAsync(TicketAction.Assign, cancellation);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken cancellation) => ActAsync(TicketAction.Reply, cancellation);

    public Task<IActionResult> OnPostInternalNoteAsync(CancellationToken cancellation) => ActAsync(TicketAction.InternalNote, cancellation);

    public Task<IActionResult> OnPostRequestInformationAsync(CancellationToken cancellation) => ActAsync(TicketAction.RequestInformation, cancellation);

    public Task<IActionResult> OnPostResolveAsync(CancellationToken cancellation) => ActAsync(TicketAction.Resolve, cancellation);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellation) => ActAsync(TicketAction.Reject, cancellation);

    private async Task<IActionResult> ActAsync(TicketAction action, CancellationToken cancellation)
    {
        // Only this page's own messages are shown; a malformed field is simply not an expected version.
        ModelState.Clear();
        Done = null;
        var withText = action != TicketAction.Assign;
        if (!withText)
        {
            Text = null;
        }

        var result = await bus.InvokeAsync<TicketActionResult>(
            new ActOnTicket(Number, action, new TicketActor(TicketActorKind.Agent, Me), Text, ExpectedVersion), cancellation);
        switch (result.Outcome)
        {
            case TicketActionOutcome.Done:
                return RedirectToPage("/Staff/Ticket", new { number = Number, done = action.ToString() });
            case TicketActionOutcome.CorrectionRequested:
                return RedirectToPage("/Staff/Ticket", new { number = Number, done = nameof(TicketActionOutcome.CorrectionRequested) });
            case TicketActionOutcome.NotFound:
                return NotFound();
            case TicketActionOutcome.TextRequired:
                ModelState.AddModelError(TextField, texts[$"TextRequired_{action}"]);
                break;
            case TicketActionOutcome.TextTooLong:
                ModelState.AddModelError(TextField, texts["Text_TooLong", PersianDigits.Of(TicketLimits.MaxText)]);
                break;
            case TicketActionOutcome.ChangedMeanwhile:
                Problem = texts["Outcome_ChangedMeanwhile"];
                break;
            default:
                Problem = texts["Outcome_NotAllowed"];
                break;
        }

        // The page shows the ticket as it is now, with its new version, and keeps what the agent typed.
        return await LoadAsync(cancellation) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        var ticket = await bus.InvokeAsync<TicketDetails?>(new GetTicket(Number, NationalId: null), cancellation);
        if (ticket is null)
        {
            return false;
        }

        Ticket = ticket;
        Device = ticket.Device is { } device ? await bus.InvokeAsync<DeviceSummary?>(new GetDevice(device.DeviceId), cancellation) : null;
        return true;
    }
}
