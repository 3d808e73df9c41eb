using Hamta.Host.Ussd;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Hamta.Host.Pages.Dev;

/// <summary>Development only: a handset dialling the USSD inquiry, answered by the same code as the aggregator's endpoint.</summary>
public sealed class UssdModel(UssdInquiry inquiry, IWebHostEnvironment environment, IStringLocalizer<SharedResource> texts) : PortalPageModel(texts)
{
    [BindProperty]
    public string? Sim { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public string? Reply { get; private set; }

    public IActionResult OnGet() => environment.IsDevelopment() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        if (TryMobile(nameof(Sim), Sim, out var mobile))
        {
            Reply = (await inquiry.AnswerAsync(mobile, Text, cancellation)).Reply;
        }

        return Page();
    }
}
