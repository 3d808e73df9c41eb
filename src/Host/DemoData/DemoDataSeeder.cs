using Hamta.Devices.Contracts;
using Hamta.Host.Identity;
using Hamta.Sim.Contracts;
using Wolverine;

namespace Hamta.Host.DemoData;

/// <summary>Loads the demo world through the modules' own commands; running it twice changes nothing.</summary>
public sealed class DemoDataSeeder(IMessageBus bus, StaffSignIn staff, IConfiguration configuration)
{
    public async Task SeedAsync(CancellationToken cancellation)
    {
        foreach (var subscriber in DemoWorld.Subscribers)
        {
            foreach (var sim in subscriber.Sims)
            {
                await bus.InvokeAsync<SimCardRegistration>(
                    new RegisterSimCard(sim, subscriber.NationalId, subscriber.Name, DemoWorld.Operator), cancellation);
            }
        }

        foreach (var device in DemoWorld.Devices)
        {
            var declared = await bus.InvokeAsync<DeclarationResult>(
                new DeclareDevice(device.RegisteredImeis, device.Brand, device.Model, ImportType.Commercial, DemoWorld.Importer, device.ActivationCode),
                cancellation);
            if (declared.Outcome == DeclarationOutcome.Declared && device.Owner is { } owner)
            {
                await bus.InvokeAsync<ActivationResult>(
                    new ActivateDevice(device.RegisteredImeis[0], device.OwnerSim!, owner.NationalId, device.ActivationCode, Notify: false), cancellation);
            }
        }

        foreach (var member in DemoWorld.Staff)
        {
            var password = configuration[$"DemoData:Passwords:{member.Username}"]
                ?? throw new InvalidOperationException($"DemoData:Passwords:{member.Username} is not configured.");
            await staff.EnsureAccountAsync(member.Username, member.DisplayName, password, [member.Role], cancellation);
        }
    }
}

/// <summary>Seeds the demo world once the host has started, in Development only.</summary>
public sealed partial class DemoDataOnStartup(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<DemoDataOnStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SeedAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellation)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellation);
            LogSeeded(logger);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSeedFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is in place")]
    private static partial void LogSeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the demo data failed")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}

public static class DemoDataRegistration
{
    public const string EnabledKey = "DemoData:Enabled";

    public static void AddHamtaDemoData(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoDataSeeder>();
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue(EnabledKey, true))
        {
            builder.Services.AddHostedService<DemoDataOnStartup>();
        }
    }
}
