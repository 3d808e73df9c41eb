using Hamta.Host.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// The messages that failed for good (a bug, not a database blip: those are retried), for an admin to read, run
/// again once the cause is fixed, or discard.
/// </summary>
public sealed class DeadLettersModel(IWolverineRuntime runtime) : PageModel
{
    public const int PageSize = 50;

    public int Count { get; private set; }

    public IReadOnlyList<DeadLetterEnvelope> Letters { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var results = await runtime.Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery { PageSize = PageSize }, cancellation);
        Count = results.TotalCount;
        Letters = results.Envelopes;
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken cancellation)
    {
        await runtime.Storage.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([id]), cancellation);
        Done = "DeadLetters_Replayed";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken cancellation)
    {
        await runtime.Storage.DeadLetters.DiscardAsync(new DeadLetterEnvelopeQuery([id]), cancellation);
        Done = "DeadLetters_Discarded";
        return RedirectToPage();
    }

    /// <summary>The error as the admin reads it: mobile numbers and national IDs masked, as in the logs.</summary>
    public static string ErrorOf(DeadLetterEnvelope letter) =>
        SensitiveDataMasking.MaskText($"{letter.ExceptionType}: {letter.ExceptionMessage}");
}
