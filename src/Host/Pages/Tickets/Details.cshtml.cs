using Hamta.Host.Identity;
using Hamta.Host.Infrastructure;
using Hamta.Host.Infrastructure.Forms;
using Hamta.Kernel.Text;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Tickets;

/// <summary>One of my tickets: its facts, what happened and the conversation; answer, close or reopen it.</summary>
[EnableRateLimiting(IdentityRegistration.SubscriberPostsRateLimit)]
[RequestSizeLimit(TicketUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TicketUploads.MaxRequestBytes)]
[RefuseOversizeForms]
public sealed class TicketDetailsModel(IMessageBus bus, IConfiguration configuration, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public TicketDetails? Ticket { get; private set; }

    /// <summary>When a ticket waiting for network evidence is rejected if the phone has not been seen by then.</summary>
    public DateTimeOffset EvidenceDeadline => Ticket!.OpenedAt + configuration.EvidenceWindow();

    public bool Created { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty(Name = TicketUploads.Field)]
    public List<IFormFile> Attachments { get; set; } = [];

    public IEnumerable<TicketEntry> VisibleTimeline => Ticket!.Timeline.Where(entry => entry.Kind != TicketEntryKind.InternalNote);

    public bool CanReply => Ticket!.Status == TicketStatus.AwaitingSubscriber;

    public bool CanReopen => Ticket!.ReopenableNow;

    public async Task<IActionResult> OnGetAsync(long number, bool created, CancellationToken cancellation)
    {
        Created = created;
        return await LoadAsync(number, cancellation) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostReplyAsync(long number, long version, CancellationToken cancellation) =>
        ActAsync(number, TicketAction.SubscriberReply, version, cancellation);

    public Task<IActionResult> OnPostCloseAsync(long number, long version, CancellationToken cancellation) =>
        ActAsync(number, TicketAction.Close, version, cancellation);

    public Task<IActionResult> OnPostReopenAsync(long number, long version, CancellationToken cancellation) =>
        ActAsync(number, TicketAction.Reopen, version, cancellation);

    private async Task<IActionResult> ActAsync(long number, TicketAction action, long version, CancellationToken cancellation)
    {
        var actor = new TicketActor(TicketActorKind.Subscriber, KartableSim);
        var result = await bus.InvokeAsync<TicketActionResult>(
            new ActOnTicket(number, action, actor, Text, version, KartableNationalId, await TicketUploads.ReadAsync(Attachments, cancellation)), cancellation);
        switch (result.Outcome)
        {
            case TicketActionOutcome.NotFound:
                return NotFound();
            case TicketActionOutcome.Done:
                return Redirect($"/tickets/{number}");
            case TicketActionOutcome.TextRequired:
                Refuse(nameof(Text), "TicketDetails_TextRequired");
                break;
            case TicketActionOutcome.TextTooLong:
                Refuse(nameof(Text), "TicketAction_TextTooLong", PersianDigits.Of(TicketLimits.MaxText));
                break;
            case TicketActionOutcome.AttachmentsRefused:
                RefuseAttachments(TicketUploads.Field, result.Refusal!);
                break;
            default:
                Refuse(nameof(Text), $"TicketAction_{result.Outcome}");
                break;
        }

        await LoadAsync(number, cancellation);
        return Page();
    }

    private async Task<bool> LoadAsync(long number, CancellationToken cancellation)
    {
        Ticket = await bus.InvokeAsync<TicketDetails?>(new GetTicket(number, KartableNationalId), cancellation);
        return Ticket is not null;
    }
}
