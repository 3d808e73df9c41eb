using Alba;
using Hamta.Host.DemoData;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hamta.Tests.Infrastructure;

/// <summary>One host and one fresh database for the whole test run.</summary>
public sealed class HamtaFixture : IAsyncLifetime
{
    private TestDatabase? database;

    public IAlbaHost Host { get; private set; } = null!;

    public TestClock Clock { get; } = new();

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("run");
        Host = await StartHostAsync(database.ConnectionString, "Development", Clock);
    }

    public static Task<IAlbaHost> StartHostAsync(string connectionString, string environment, TimeProvider clock) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Hamta", connectionString);
            builder.UseSetting("Hamta:SingleNode", "true");
            builder.UseSetting("DemoData:Enabled", "false");
            builder.UseSetting("DemoData:Passwords:agent", DemoPasswords.Agent);
            builder.UseSetting("DemoData:Passwords:admin", DemoPasswords.Admin);
            builder.UseSetting("DemoData:Passwords:auditor", DemoPasswords.Auditor);
            builder.UseSetting("Hamta:Operators:test-operator", "operator-test-key");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(clock);
                services.RunWolverineInSoloMode();
            });
        });

    /// <summary>Every test starts from the demo world and a clock at the same instant.</summary>
    public async Task ResetAsync()
    {
        Clock.Reset();
        await Host.Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
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

public static class DemoPasswords
{
    public const string Agent = "agent-test-password";
    public const string Admin = "admin-test-password";
    public const string Auditor = "auditor-test-password";
}
