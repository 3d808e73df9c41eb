using Hamta.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Hamta.Browser.Tests.Infrastructure;

/// <summary>The portal on a real Kestrel socket on 127.0.0.1, so that a browser can reach it.</summary>
internal sealed class PortalServer(string connectionString, TimeProvider clock) : WebApplicationFactory<Program>
{
    private IHost? host;

    public IHost Host => host ?? throw new InvalidOperationException("The portal has not started.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        TestHost.Configure(builder, connectionString, "Development", clock);
        // Every journey of the run comes from 127.0.0.1: the per-address limits would stop the run, not an abuser.
        builder.UseSetting("Hamta:RateLimits:LoginPostsPerIpPer5Minutes", "10000");
        builder.UseSetting("Hamta:RateLimits:PostsPerSubscriberPerHour", "10000");
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        host = base.CreateHost(builder);
        return host;
    }
}
