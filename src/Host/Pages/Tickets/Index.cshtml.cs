using Hamta.Tickets.Contracts;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Tickets;

/// <summary>«ثبت و پیگیری مشکلات»: my tickets, newest first, ten a page by default.</summary>
public sealed class TicketsIndexModel(IMessageBus bus, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    public static readonly int[] PageSizes = [10, 25, 50];

    public int Size { get; private set; } = PageSizes[0];

    public TicketPage Listing { get; private set; } = new([], 1, false, false);

    public async Task OnGetAsync(int? size, long? before, long? after, CancellationToken cancellation)
    {
        Size = PageSizes.Contains(size ?? 0) ? size!.Value : PageSizes[0];
        Listing = await bus.InvokeAsync<TicketPage>(new FindMyTickets(KartableNationalId, Size, before, after), cancellation);
    }
}
