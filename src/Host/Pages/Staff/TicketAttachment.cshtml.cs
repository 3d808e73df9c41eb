using Hamta.Host.Pages.Shared;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>A file a subscriber attached to a ticket, for the agents working it.</summary>
public sealed class StaffTicketAttachmentModel(IMessageBus bus) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long number, Guid id, CancellationToken cancellation) =>
        AttachmentDownload.Of(await bus.InvokeAsync<TicketAttachmentFile?>(new GetTicketAttachment(number, id, NationalId: null), cancellation), Response);
}
