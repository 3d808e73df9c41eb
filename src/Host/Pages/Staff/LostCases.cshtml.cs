using Hamta.Devices.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>Lost-or-stolen cases for agents: the open ones, newest first, or every case.</summary>
public sealed class StaffLostCasesModel(IMessageBus bus) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "all")]
    public bool IncludeFound { get; set; }

    public IReadOnlyList<LostCaseDetails> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Cases = await bus.InvokeAsync<IReadOnlyList<LostCaseDetails>>(new FindLostCases(IncludeFound), cancellation);
}
