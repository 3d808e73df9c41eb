using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// What every response carries and how the request's scheme and address are trusted (docs/security.md):
/// a strict content security policy that the pages satisfy (no inline scripts or styles), no Server
/// header, forwarded headers only from the configured proxies (the loopback address when none is
/// configured: an empty list would make ASP.NET Core believe any sender), HSTS and HTTPS redirection
/// outside Development.
/// </summary>
public static class TransportSecurity
{
    public const string ProxiesKey = "Hamta:ForwardedHeaders:KnownProxies";
    public const string NetworksKey = "Hamta:ForwardedHeaders:KnownNetworks";
    private const int HstsSeconds = 365 * 24 * 60 * 60;
    private const string JobsDashboard = "/hangfire";

    public static void AddHamtaTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = 1;
            options.AllowedHosts = builder.Configuration["AllowedHosts"] is { Length: > 0 } hosts && hosts != "*"
                ? hosts.Split(';', StringSplitOptions.RemoveEmptyEntries)
                : [];
            var proxies = builder.Configuration.GetSection(ProxiesKey).Get<string[]>() ?? [];
            var networks = builder.Configuration.GetSection(NetworksKey).Get<string[]>() ?? [];
            if (proxies.Length + networks.Length == 0)
            {
                return;
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    public static void UseHamtaTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var production = !app.Environment.IsDevelopment();
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments(JobsDashboard),
            pages => pages.UseSecurityHeaders(Headers(production, Strict)));
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(JobsDashboard),
            dashboard => dashboard.UseSecurityHeaders(Headers(production, InlineAllowed)));
        if (production)
        {
            app.UseHttpsRedirection();
        }
    }

    private static HeaderPolicyCollection Headers(bool production, Action<CspBuilder> scriptsAndStyles)
    {
        var headers = new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().None();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                scriptsAndStyles(csp);
            })
            .RemoveServerHeader();
        return production ? headers.AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsSeconds) : headers;
    }

    private static void Strict(CspBuilder csp)
    {
        csp.AddScriptSrc().Self();
        csp.AddStyleSrc().Self();
    }

    /// <summary>The jobs dashboard (admins only) is Hangfire's own page, written with inline scripts and styles.</summary>
    private static void InlineAllowed(CspBuilder csp)
    {
        csp.AddScriptSrc().Self().UnsafeInline();
        csp.AddStyleSrc().Self().UnsafeInline();
    }
}
