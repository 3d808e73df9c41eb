using System.Security.Claims;
using Hamta.Host.Identity;
using Hamta.Kernel.Identifiers;
using Microsoft.AspNetCore.Mvc.Filters;
using Wolverine;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Names who acts in every message a page sends: Wolverine carries the name on the envelopes and
/// Marten records it as the events' user name (subscribers by masked number, staff by username).
/// </summary>
public sealed class ActorRelay : IAsyncPageFilter
{
    public static string? ActorOf(ClaimsPrincipal user) =>
        SubscriberClaims.MobileOf(user) is { } mobile ? $"subscriber {MobileNumber.Mask(mobile)}"
        : user.FindFirstValue(ClaimTypes.NameIdentifier) is { } staff ? $"staff {staff}"
        : null;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.RequestServices.GetService<IMessageBus>() is IMessageContext messages)
        {
            messages.UserName = ActorOf(context.HttpContext.User);
        }

        return next();
    }
}
