using Hamta.Host.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hamta.Host.Pages.Staff;

public sealed class StaffIndexModel : PageModel
{
    public bool IsAdmin => User.IsInRole(StaffRoles.Admin);

    public bool WorksTheQueue => IsAdmin || User.IsInRole(StaffRoles.Agent);

    public bool UploadsDeclarations => IsAdmin || User.IsInRole(StaffRoles.RegistryClerk);
}
