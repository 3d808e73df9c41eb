using Hamta.Host.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Who may open which page, in one place: staff pages need a staff sign-in, the few public pages
/// are listed, and every other page needs a signed-in subscriber.
/// </summary>
public sealed class PageAccessConvention : IPageApplicationModelConvention
{
    private static readonly HashSet<string> PublicPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "/Login", "/LoginCode", "/Error", "/Inquiry", "/Info", "/Staff/Login", "/Dev/Sms", "/Dev/Attach", "/Dev/Ussd",
    };

    public void Apply(PageApplicationModel model)
    {
        var path = model.ViewEnginePath;
        if (PublicPages.Contains(path))
        {
            model.EndpointMetadata.Add(new AllowAnonymousAttribute());
            return;
        }

        var policy = path.StartsWith("/Staff/History", StringComparison.OrdinalIgnoreCase) ? StaffPolicies.Audit
            : path.StartsWith("/Staff/DeadLetters", StringComparison.OrdinalIgnoreCase) ? StaffPolicies.Admin
            : path.StartsWith("/Staff/Accounts", StringComparison.OrdinalIgnoreCase) ? StaffPolicies.Admin
            : path.StartsWith("/Staff/Declaration", StringComparison.OrdinalIgnoreCase) ? StaffPolicies.Registry
            : path is "/Staff/Index" or "/Staff/Logout" ? StaffPolicies.AnyStaff
            : path.StartsWith("/Staff/Blocks", StringComparison.OrdinalIgnoreCase) ? StaffPolicies.Admin
            : path.StartsWith("/Staff/", StringComparison.OrdinalIgnoreCase) ? StaffPolicies.Agent
            : SubscriberClaims.Scheme;
        model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
    }
}
