using Hamta.Enforcement.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>The latest classification runs: what each matched per condition, met, lifted and blocked, and the runs the safety cap stopped.</summary>
public sealed class ClassificationRunsModel(IMessageBus bus) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<ClassificationRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Runs = await bus.InvokeAsync<IReadOnlyList<ClassificationRun>>(new FindClassificationRuns(Shown), cancellation);
}
