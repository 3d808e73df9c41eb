using Hamta.Host.Notifications;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages.Dev;

/// <summary>Every SMS the portal sent, codes included: Development only, a 404 everywhere else.</summary>
public sealed class SmsModel(IQuerySession session, IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<SmsMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Messages = await session.Query<SmsMessage>().OrderByDescending(x => x.SentAt).Take(200).ToListAsync(cancellation);
        return Page();
    }
}
