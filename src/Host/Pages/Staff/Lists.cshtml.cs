using Hamta.Enforcement.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>The operators' lists as last published: each list's version and size per operator.</summary>
public sealed class StaffListsModel(IMessageBus bus) : PageModel
{
    public IReadOnlyList<ListVersion> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Versions = await bus.InvokeAsync<IReadOnlyList<ListVersion>>(new GetListVersions(), cancellation);
}
