using Alba;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Shell;
using Microsoft.AspNetCore.Http;

namespace Hamta.Tests.Security;

public sealed class SecurityHeadersTests(HamtaFixture fixture) : DeskTest(fixture)
{
    private static readonly string[] SubscriberPages = ["/", "/devices", "/sims", "/tickets", "/tickets/new", "/messages", "/account", "/transfers", "/activation"];
    private static readonly string[] StaffPages = ["/staff", "/staff/tickets", "/staff/history"];
    private static readonly string[] PublicPages = ["/login", "/inquiry", "/staff/login", "/error", "/no-such-page"];

    [Fact]
    public async Task Every_page_carries_a_strict_content_security_policy_and_the_other_security_headers()
    {
        var subscriber = await SignedInSubscriber();
        var admin = await SignedInAdmin();
        var pages = new List<(string Url, PortalPage Page)>();
        foreach (var url in SubscriberPages)
        {
            pages.Add((url, await subscriber.GetAsync(url)));
        }

        foreach (var url in StaffPages)
        {
            pages.Add((url, await admin.GetAsync(url)));
        }

        foreach (var url in PublicPages)
        {
            pages.Add((url, await NewBrowser().GetAsync(url)));
        }

        foreach (var (url, page) in pages)
        {
            var csp = page.Headers.ContentSecurityPolicy.ToString();
            Assert.True(csp.Contains("script-src 'self'", StringComparison.Ordinal) && !csp.Contains("unsafe-inline", StringComparison.Ordinal), $"{url}: {csp}");
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", page.Headers.XContentTypeOptions.ToString());
            Assert.Equal("DENY", page.Headers.XFrameOptions.ToString());
            Assert.Equal("strict-origin-when-cross-origin", page.Headers["Referrer-Policy"].ToString());
            Assert.NotEmpty(page.Headers["Permissions-Policy"].ToString());
            Assert.False(page.Headers.ContainsKey("Server"), url);
        }
    }

    [Fact]
    public async Task Pages_hold_no_inline_scripts_styles_or_event_handlers()
    {
        var subscriber = await SignedInSubscriber();
        var admin = await SignedInAdmin();
        var pages = new List<PortalPage>();
        foreach (var url in SubscriberPages)
        {
            pages.Add(await subscriber.GetAsync(url));
        }

        foreach (var url in StaffPages)
        {
            pages.Add(await admin.GetAsync(url));
        }

        foreach (var page in pages)
        {
            Assert.All(page.Document.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src")));
            Assert.Empty(page.Document.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_unconfigured_proxy_is_not_believed()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/login");
            s.WithRequestHeader("X-Forwarded-Proto", "https");
            s.WithRequestHeader("X-Forwarded-Host", "evil.example");
            s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("203.0.113.9"));
        });

        Assert.DoesNotContain("secure", result.Context.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class ProductionTransportTests(ProductionHost production) : IClassFixture<ProductionHost>
{
    [Fact]
    public async Task Over_https_cookies_are_secure_and_hsts_is_sent()
    {
        var result = await production.Host.Scenario(s =>
        {
            s.Get.Url("/login");
            s.ConfigureHttpContext(context =>
            {
                context.Request.Scheme = "https";
                context.Request.Host = new HostString(Hamta.Testing.TestHost.PortalHost);
            });
        });

        Assert.Contains("max-age=31536000", result.Context.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);
        Assert.All(result.Context.Response.Headers.SetCookie, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_unknown_host_name_is_refused()
    {
        var result = await production.Host.Scenario(s =>
        {
            s.Get.Url("/login");
            s.ConfigureHttpContext(context => context.Request.Host = new HostString("evil.example"));
            s.StatusCodeShouldBe(400);
        });

        Assert.DoesNotContain("evil.example", await result.ReadAsTextAsync(), StringComparison.Ordinal);
    }
}
