using Hamta.Host.Identity;
using Hamta.Host.Notifications;
using Hamta.Kernel.Notifications;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

/// <summary>«پیام های همتا»: the notices sent to the signed-in SIM, newest first; codes never appear here.</summary>
public sealed class MessagesModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<SmsMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var mobile = SubscriberClaims.MobileOf(User);
        Messages = await session.Query<SmsMessage>()
            .Where(x => x.Mobile == mobile && x.Kind == SmsKind.Notice)
            .OrderByDescending(x => x.SentAt)
            .Take(100)
            .ToListAsync(cancellation);
    }
}
