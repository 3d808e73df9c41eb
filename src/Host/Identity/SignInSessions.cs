using System.Security.Claims;
using Hamta.Host.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Hamta.Host.Identity;

/// <summary>A signed-in browser, as the server knows it: a cookie names its session, and a cookie whose session is gone opens nothing.</summary>
public sealed record SignInSession(Guid Id, string Scheme, string Subject, DateTimeOffset StartedAt)
{
    public const string Claim = "hamta:session";
}

/// <summary>
/// Sessions in the database, so that signing out (or a password reset, a disabled staff account) ends a
/// session on every node. Each node remembers that a session is alive for <see cref="Remembered"/>,
/// and forgets it at once when it ends the session itself.
/// </summary>
public sealed class SignInSessions(IDocumentStore store, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);

    public async Task<ClaimsPrincipal> StartAsync(string scheme, string subject, ClaimsPrincipal principal, CancellationToken cancellation)
    {
        var session = new SignInSession(Guid.CreateVersion7(), scheme, subject, clock.GetUtcNow());
        await using var documents = store.LightweightSession();
        documents.Store(session);
        await documents.SaveChangesAsync(cancellation);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SignInSession.Claim, session.Id.ToString()));
        return principal;
    }

    public async Task EndAsync(ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (IdOf(user) is not { } id)
        {
            return;
        }

        cache.Remove(KeyOf(id));
        await using var documents = store.LightweightSession();
        documents.Delete<SignInSession>(id);
        await documents.SaveChangesAsync(cancellation);
    }

    /// <summary>Ends every session of a subject: a staff member whose password was reset or whose account was disabled.</summary>
    public async Task EndAllAsync(string scheme, string subject, CancellationToken cancellation)
    {
        await using var documents = store.LightweightSession();
        documents.DeleteWhere<SignInSession>(x => x.Scheme == scheme && x.Subject == subject);
        await documents.SaveChangesAsync(cancellation);
    }

    /// <summary>
    /// Rejects a cookie whose session has ended. While the database cannot tell (away, or not answering before the page's
    /// timeout), the cookie stands for this request: the page it opens cannot be served without the database either, and
    /// it then shows the Persian error page instead of failing in the sign-in step, which the error page runs again.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        bool alive;
        try
        {
            alive = context.Principal is { } user && await sessions.IsAliveAsync(user, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException || TransientErrors.IsTransient(e))
        {
            return;
        }

        if (!alive)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    private async Task<bool> IsAliveAsync(ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (IdOf(user) is not { } id)
        {
            return false;
        }

        return await cache.GetOrCreateAsync(KeyOf(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Remembered;
            await using var documents = store.QuerySession();
            return await documents.LoadAsync<SignInSession>(id, cancellation) is not null;
        });
    }

    private static Guid? IdOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(SignInSession.Claim), out var id) ? id : null;

    private static string KeyOf(Guid id) => $"session:{id}";
}
