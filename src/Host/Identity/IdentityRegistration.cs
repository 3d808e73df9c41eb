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

    /// <summary>
    /// Posts that file tickets, answer them, set the kartable password or start a transfer are limited
    /// per subscriber and address (guessing a kartable password, flooding the ticket queue).
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
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                options.SlidingExpiration = true;
            })
            .AddCookie(StaffPolicies.Scheme, options =>
            {
                options.Cookie.Name = "hamta.staff";
                options.Cookie.Path = "/";
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
                .RequireRole(StaffRoles.Admin));

        services.AddHamtaDataProtection();
        services.AddScoped<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddScoped<StaffSignIn>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(LoginPostsPerIpKey, 20),
                        Window = TimeSpan.FromMinutes(5),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
            options.AddPolicy(SubscriberPostsRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    $"{context.User.FindFirstValue(SubscriberClaims.NationalId)}@{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(SubscriberPostsKey, 30),
                        Window = TimeSpan.FromHours(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
            options.AddPolicy(InquiryRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue(InquiriesPerIpKey, 30),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
    }

    public static Task SignInSubscriberAsync(this HttpContext context, KartableSubscriber subscriber) =>
        context.SignInAsync(SubscriberClaims.Scheme, SubscriberClaims.For(subscriber));
}
