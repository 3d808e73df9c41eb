using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Hamta.Host.Infrastructure.Forms;

/// <summary>
/// A form over the page's size limits is answered with the Persian «too large» page (413), not the generic bad-request
/// page the antiforgery check would give when it cannot read the form. Runs after the limits are set
/// (<see cref="RequestSizeLimitAttribute"/>, <see cref="RequestFormLimitsAttribute"/>: order 900) and before the
/// antiforgery check (order 1000), which then reads the form already read here.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseOversizeFormsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
