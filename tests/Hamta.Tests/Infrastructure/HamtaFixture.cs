using Alba;
using Hamta.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Hamta.Tests.Infrastructure;

/// <summary>One host and one fresh database for the whole test run.</summary>
public sealed class HamtaFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public IAlbaHost Host { get; private set; } = null!;

    public TestClock Clock { get; } = new();

    public static LogCapture Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("run");
        Host = await StartHostAsync(database.ConnectionString, "Development", Clock);
    }

    public static Task<IAlbaHost> StartHostAsync(string connectionString, string environment, TimeProvider clock) =>
        AlbaHost.For<Program>(builder =>
        {
            TestHost.Configure(builder, connectionString, environment, clock);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
        });

    /// <summary>Every test starts from the demo world and a clock at the same instant.</summary>
    public Task ResetAsync()
    {
        Clock.Reset();
        return TestHost.ResetAsync(Host.Services);
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
