using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.Extensions.Localization;

namespace Hamta.Host.Infrastructure.Forms;

/// <summary>
/// Posts of the portal's forms, made safe to repeat and to fail (ADR 0014):
/// <list type="bullet">
/// <item>a post whose one-time key was already carried out gets the same answer again (the same ticket, the same
/// page), and nothing is done twice;</item>
/// <item>a post that fails because the database is away shows the same form again, with what was typed and a
/// Persian message, instead of the error page.</item>
/// </list>
/// </summary>
public sealed partial class OneTimeForms(IDocumentStore store, TimeProvider clock, IStringLocalizer<SharedResource> texts, ILogger<OneTimeForms> logger) : IAsyncPageFilter
{
    public const string FieldName = "__FormKey";

    /// <summary>The key a post carries; none when the body is not a form ASP.NET can decode (a NUL, a broken escape).</summary>
    private static Guid? FormKeyOf(HttpRequest request)
    {
        try
        {
            return request.HasFormContentType && Guid.TryParse(request.Form[FieldName], out var parsed) ? parsed : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The key of the post being handled, for commands that carry it into their own transaction.</summary>
    public static Guid? KeyOf(HttpContext context) => context.Items[FieldName] as Guid?;

    /// <summary>
    /// For a post answered with a page instead of a redirect (a new password shown once): the address a re-post of
    /// the same form is sent to, so that the post is not carried out twice.
    /// </summary>
    public static void AnswerAgainWith(HttpContext context, string location) => context.Items[AnswerKey] = location;

    private const string AnswerKey = "__FormAnswer";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            await next();
            return;
        }

        var key = FormKeyOf(http.Request);
        var owner = OwnerOf(http.User);
        string? earlier;
        try
        {
            earlier = key is { } known ? await EarlierAnswerAsync(known, owner, http.RequestAborted) : null;
        }
        catch (Exception e) when (IsDependencyFailure(e))
        {
            NotChecked(logger, e, http.Request.Path);
            ((PageModel)context.HandlerInstance).ModelState.AddModelError(string.Empty, texts["Form_TryAgain"]);
            context.Result = new PageResult();
            return;
        }

        if (earlier is not null)
        {
            context.Result = new RedirectResult(earlier);
            return;
        }

        http.Items[FieldName] = key;
        var executed = await next();
        if (executed.Exception is { } failure && !executed.ExceptionHandled && IsDependencyFailure(failure))
        {
            PostFailed(logger, failure, http.Request.Path);
            ((PageModel)executed.HandlerInstance).ModelState.AddModelError(string.Empty, texts["Form_TryAgain"]);
            executed.Result = new PageResult();
            executed.ExceptionHandled = true;
            return;
        }

        if (key is { } done && executed.Exception is null && LocationOf(executed) is { } answer)
        {
            await RememberAsync(new FormSubmission(done, owner, answer, clock.GetUtcNow()));
        }
    }

    private static bool IsDependencyFailure(Exception failure) =>
        TransientErrors.IsTransient(failure) || failure is OperationCanceledException;

    private static string? OwnerOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    private async Task<string?> EarlierAnswerAsync(Guid key, string? owner, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var earlier = await session.LoadAsync<FormSubmission>(key, cancellation);
        return earlier is not null && earlier.Owner == owner ? earlier.Location : null;
    }

    private static string? LocationOf(PageHandlerExecutedContext executed) => executed.Result switch
    {
        RedirectResult redirect => redirect.Url,
        LocalRedirectResult redirect => redirect.Url,
        RedirectToPageResult redirect => executed.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(executed)
            .Page(redirect.PageName, redirect.PageHandler, redirect.RouteValues, redirect.Protocol, redirect.Host, redirect.Fragment),
        _ => executed.HttpContext.Items[AnswerKey] as string,
    };

    /// <summary>
    /// Kept after the answer is decided; if this write fails the post was still carried out, and a re-post is
    /// caught by the command's own check where one exists (a ticket's stream is keyed by the form).
    /// </summary>
    private async Task RememberAsync(FormSubmission submission)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.Store(submission);
            await session.SaveChangesAsync();
        }
        catch (Exception e) when (TransientErrors.IsTransient(e))
        {
            AnswerNotKept(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A post to {Path} could not be checked against earlier posts; the form is shown again")]
    private static partial void NotChecked(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A post to {Path} failed for a dependency; the form is shown again")]
    private static partial void PostFailed(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to a form post was not kept")]
    private static partial void AnswerNotKept(ILogger logger, Exception exception);
}
