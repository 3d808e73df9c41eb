using Hamta.Host.Pages.Shared;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Tickets;

/// <summary>A file attached to one of my tickets; another subscriber's ticket is not found.</summary>
public sealed class TicketAttachmentModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public async Task<IActionResult> OnGetAsync(long number, Guid id, CancellationToken cancellation) =>
        AttachmentDownload.Of(await bus.InvokeAsync<TicketAttachmentFile?>(new GetTicketAttachment(number, id, KartableNationalId), cancellation), Response);
}
