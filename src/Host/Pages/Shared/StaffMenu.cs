using System.Security.Claims;
using Hamta.Host.Identity;

namespace Hamta.Host.Pages.Shared;

/// <summary>A link of the staff area's menu, shown to the roles that may open it.</summary>
public sealed record StaffMenuItem(string Path, string TextKey, IReadOnlyList<string> Roles);

/// <summary>The staff area's own navigation, by role.</summary>
public static class StaffMenu
{
    public static readonly IReadOnlyList<StaffMenuItem> Items =
    [
        new("/staff/tickets", "Menu_Queue", [StaffRoles.Agent, StaffRoles.Admin]),
        new("/staff/tickets?mine=true", "Menu_MyTickets", [StaffRoles.Agent, StaffRoles.Admin]),
        new("/staff/statistics", "Menu_Statistics", [StaffRoles.Agent, StaffRoles.Admin]),
        new("/staff/classification-runs", "Menu_ClassificationRuns", [StaffRoles.Agent, StaffRoles.Admin]),
        new("/staff/lists", "Menu_Lists", [StaffRoles.Agent, StaffRoles.Admin]),
        new("/staff/blocks", "Menu_Blocks", [StaffRoles.Admin]),
        new("/staff/lost-cases", "Menu_LostCases", [StaffRoles.Agent, StaffRoles.Admin]),
        new("/staff/sim-expiry", "Menu_SimExpiry", [StaffRoles.Agent, StaffRoles.Admin]),
        new("/staff/history", "Menu_History", [StaffRoles.Admin, StaffRoles.Auditor]),
        new("/staff/declarations", "Menu_Declarations", [StaffRoles.RegistryClerk, StaffRoles.Admin]),
        new("/staff/accounts", "Menu_Accounts", [StaffRoles.Admin]),
        new("/hangfire", "Menu_Jobs", [StaffRoles.Admin]),
    ];

    /// <summary>Staff signed in with the staff cookie: the links their roles open.</summary>
    public static IReadOnlyList<StaffMenuItem> For(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == StaffPolicies.Scheme ? Items.Where(item => item.Roles.Any(user.IsInRole)).ToList() : [];
}
