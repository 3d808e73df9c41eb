using Hamta.Testing;
using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Hamta.Browser.Tests.Infrastructure;

/// <summary>One portal on a real socket, one database and one headless Chromium for the whole run.</summary>
public sealed class PortalInBrowser : IAsyncLifetime
{
    private const string ChromiumVariable = "HAMTA_CHROMIUM";
    private const string DefaultChromium = "/usr/bin/chromium";

    private TestDatabase? database;
    private PortalServer? server;
    private IPlaywright? playwright;

    public TestClock Clock { get; } = new();

    public Uri Address { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public IHost Host => server!.Host;

    public IServiceProvider Services => server!.Services;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("browser");
        // The portal's entry point runs its command line; under a test server it must simply start.
        JasperFxEnvironment.AutoStartHost = true;
        server = new PortalServer(database.ConnectionString, Clock);
        server.UseKestrel(0);
        server.StartServer();
        Address = server.ClientOptions.BaseAddress;

        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) ?? DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium is not at {chromium}: run the tests with scripts/test.sh, which installs it, or set {ChromiumVariable}.");
        }
        // A shared two-core machine is slow at times: waiting longer costs nothing when the page is right.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // The browser itself must not look up any host but this machine.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>Every test starts from the demo world and a clock at the same instant.</summary>
    public Task ResetAsync()
    {
        Clock.Reset();
        return TestHost.ResetAsync(Services);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
