using System.Security.Claims;
using System.Threading.RateLimiting;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Hamta.Host.Identity;

public static class SubscriberClaims
{
    public const string Scheme = "Subscriber";
    public const string NationalId = "hamta:national_id";
    public const string Mobile = "hamta:mobile";

    public static ClaimsPrincipal For(KartableSubscriber subscriber) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, subscriber.HolderName),
                new Claim(Mobile, subscriber.Mobile),
                new Claim(NationalId, subscriber.NationalId),
            ],
            Scheme));

    public static string? MobileOf(ClaimsPrincipal user) => user.FindFirstValue(Mobile);
}

public static class StaffPolicies
{
    public const string Scheme = "Staff";
    public const string Agent = "StaffAgent";
    public const string Admin = "StaffAdmin";
    public const string Audit = "StaffAudit";
    public const string Registry = "StaffRegistry";
    public const string AnyStaff = "StaffAny";

    public static ClaimsPrincipal For(StaffAccount account) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.DisplayName), new Claim(ClaimTypes.NameIdentifier, account.Id),
             .. account.Roles.Select(role => new Claim(ClaimTypes.Role, role))],
            Scheme));
}

public static class IdentityRegistration
{
    public const string LoginRateLimit = "login";
    public const string InquiryRateLimit = "inquiry";
    public const string SubscriberPostsRateLimit = "subscriber-posts";
    public const string SubscriberPostsKey = "Hamta:RateLimits:PostsPerSubscriberPerHour";
    public const string InquiriesPerIpKey = "Hamta:RateLimits:InquiriesPerIpPerMinute";
    public const string LoginPostsPerIpKey = "Hamta:RateLimits:LoginPostsPerIpPer5Minutes";
    public const string OperatorRateLimit = "operator";
    public const string OperatorRequestsKey = "Hamta:RateLimits:OperatorRequestsPerMinute";

    /// <summary>
    /// Posts that file tickets, answer them, set the kartable password or start a transfer are limited
    /// per subscriber, after authentication has said who that is (guessing a kartable password, flooding
    /// the ticket queue). Operator API requests are limited per API key. A refusal says when to retry.
    /// Login posts are limited per IP here; per mobile number the login challenge itself limits
    /// resends, codes per hour and tries per code, across every node (ADR 0006).
    /// Two cookie schemes: subscribers sign in with their mobile number, staff with a password; the
    /// staff area and the jobs dashboard accept only the staff cookie (ADR 0006).
    /// </summary>
    public static void AddHamtaIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(SubscriberClaims.Scheme)
            .AddCookie(SubscriberClaims.Scheme, options =>
            {
                options.Cookie.Name = "hamta.kartable";
                Harden(options);
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                options.SlidingExpiration = true;
            })
            .AddCookie(StaffPolicies.Scheme, options =>
            {
                options.Cookie.Name = "hamta.staff";
                Harden(options);
                options.LoginPath = "/staff/login";
                options.LogoutPath = "/staff/logout";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(SubscriberClaims.Scheme, policy => policy
                .AddAuthenticationSchemes(SubscriberClaims.Scheme)
                .RequireClaim(SubscriberClaims.Mobile))
            .AddPolicy(StaffPolicies.Agent, policy => policy
                .AddAuthenticationSchemes(StaffPolicies.Scheme)
                .RequireRole(StaffRoles.Agent, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(StaffPolicies.Scheme)
                .RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Audit, policy => policy
                .AddAuthenticationSchemes(StaffPolicies.Scheme)
                .RequireRole(StaffRoles.Admin, StaffRoles.Auditor))
            .AddPolicy(StaffPolicies.Registry, policy => policy
                .AddAuthenticationSchemes(StaffPolicies.Scheme)
                .RequireRole(StaffRoles.RegistryClerk, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.AnyStaff, policy => policy
                .AddAuthenticationSchemes(StaffPolicies.Scheme)
                .RequireRole(StaffAccount.AllRoles));

        services.AddAntiforgery(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHamtaDataProtection();
        services.AddScoped<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddScoped<StaffSignIn>();
        services.AddMemoryCache();
        services.AddSingleton<SignInSessions>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(LoginRateLimit, context => PostsOnly(context, FixedWindow(
                context, AddressOf(context), LoginPostsPerIpKey, 20, TimeSpan.FromMinutes(5))));
            options.AddPolicy(SubscriberPostsRateLimit, context => PostsOnly(context, FixedWindow(
                context, context.User.FindFirstValue(SubscriberClaims.NationalId) ?? AddressOf(context), SubscriberPostsKey, 30, TimeSpan.FromHours(1))));
            options.AddPolicy(InquiryRateLimit, context => FixedWindow(
                context, AddressOf(context), InquiriesPerIpKey, 30, TimeSpan.FromMinutes(1)));
            options.AddPolicy(OperatorRateLimit, context => FixedWindow(
                context, context.Request.Headers[Api.OperatorApi.KeyHeader].ToString() is { Length: > 0 } key ? $"key:{key.GetHashCode(StringComparison.Ordinal)}" : AddressOf(context),
                OperatorRequestsKey, 120, TimeSpan.FromMinutes(1)));
        });
    }

    /// <summary>
    /// Cookies are HttpOnly, same-site and <c>Secure</c> whenever the request came over HTTPS (as the
    /// forwarded headers of a configured proxy say); sign-in redirects name a path, never the request's host.
    /// </summary>
    private static void Harden(CookieAuthenticationOptions options)
    {
        options.Cookie.Path = "/";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnValidatePrincipal = SignInSessions.ValidateAsync;
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.Redirect(PathOf(context.RedirectUri));
            return Task.CompletedTask;
        };
    }

    private static string PathOf(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : uri;

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PostsOnly(HttpContext context, RateLimitPartition<string> limit) =>
        HttpMethods.IsPost(context.Request.Method) ? limit : RateLimitPartition.GetNoLimiter("read");

    /// <summary>A fixed window per key; the permit count comes from configuration, and a changed count takes effect at once.</summary>
    private static RateLimitPartition<string> FixedWindow(HttpContext context, string key, string limitKey, int defaultLimit, TimeSpan window)
    {
        var limit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(limitKey, defaultLimit);
        return RateLimitPartition.GetFixedWindowLimiter($"{key}#{limit}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
        });
    }

    public static async Task SignInSubscriberAsync(this HttpContext context, KartableSubscriber subscriber)
    {
        var principal = await context.RequestServices.GetRequiredService<SignInSessions>()
            .StartAsync(SubscriberClaims.Scheme, subscriber.NationalId, SubscriberClaims.For(subscriber), context.RequestAborted);
        await context.SignInAsync(SubscriberClaims.Scheme, principal);
    }

    public static async Task SignInStaffAsync(this HttpContext context, StaffAccount account)
    {
        var principal = await context.RequestServices.GetRequiredService<SignInSessions>()
            .StartAsync(StaffPolicies.Scheme, account.Id, StaffPolicies.For(account), context.RequestAborted);
        await context.SignInAsync(StaffPolicies.Scheme, principal);
    }

    /// <summary>Ends the session on the server as well as the cookie: a copy of the cookie opens nothing afterwards.</summary>
    public static async Task SignOutEverywhereAsync(this HttpContext context, string scheme)
    {
        var result = await context.AuthenticateAsync(scheme);
        if (result.Principal is { } user)
        {
            await context.RequestServices.GetRequiredService<SignInSessions>().EndAsync(user, context.RequestAborted);
        }

        await context.SignOutAsync(scheme);
    }
}
