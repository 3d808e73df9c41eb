using System.Text.RegularExpressions;
using Hamta.Host.Identity;
using Hamta.Host.Notifications;
using Hamta.Kernel.Notifications;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages;

/// <summary>«پیام های همتا»: the notices sent to the signed-in SIM, newest first; codes never appear here.</summary>
public sealed partial class MessagesModel(IQuerySession session) : PageModel
{
    /// <summary>A piece of a message's text: plain, or a path of the portal the SMS names (a warning's ticket form).</summary>
    public sealed record TextPart(string Text, bool IsPortalPath);

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

    /// <summary>Splits a message so that the portal's own paths in it («/tickets/new/form?…») can be followed as links.</summary>
    public static IReadOnlyList<TextPart> PartsOf(string text)
    {
        var parts = new List<TextPart>();
        var at = 0;
        foreach (Match path in PortalPath().Matches(text))
        {
            if (path.Index > at)
            {
                parts.Add(new TextPart(text[at..path.Index], false));
            }

            parts.Add(new TextPart(path.Value, true));
            at = path.Index + path.Length;
        }

        if (at < text.Length)
        {
            parts.Add(new TextPart(text[at..], false));
        }

        return parts;
    }

    [GeneratedRegex(@"(?<![\w/])/[a-z][a-z0-9/\-]*(\?[A-Za-z0-9=&\-_]*)?")]
    private static partial Regex PortalPath();
}
