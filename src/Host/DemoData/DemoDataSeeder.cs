using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Host.Identity;
using Hamta.Kernel.Time;
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

/// <summary>
/// The demo's network, on start-up only (tests build their own): the stolen phone's case, sightings through the
/// operator's command, a classification as of 35 days ago (the blocked phone's warning) and one now (the seed's
/// warning, and the block). A case is opened once; the rest is skipped once the warned IMEI has a state.
/// </summary>
public sealed class DemoNetworkSeeder(IMessageBus bus, TimeProvider clock)
{
    public const string Operator = "demo-operator";

    public async Task SeedAsync(CancellationToken cancellation)
    {
        var cases = await bus.InvokeAsync<IReadOnlyList<LostCaseDetails>>(new FindLostCases(IncludeFound: true), cancellation);
        foreach (var loss in DemoWorld.Losses.Where(loss => !cases.Any(c => c.Imeis.Contains(loss.Imei))))
        {
            var device = DemoWorld.Devices.Single(d => d.RegisteredImeis.Contains(loss.Imei));
            var lostOn = DateOnly.FromDateTime(JalaliDate.ToTehran(clock.GetUtcNow())).AddDays(-loss.DaysAgo);
            await bus.InvokeAsync<LossReportResult>(
                new ReportDeviceLost(loss.Imei, device.OwnerSim!, device.Owner!.NationalId, loss.Kind, lostOn, loss.Place, loss.PoliceReportNumber), cancellation);
        }

        var existing = await bus.InvokeAsync<EnforcementStates>(new FindEnforcementStates([DemoWorld.WarnedImei, DemoWorld.BlockedImei]), cancellation);
        if (existing.States.Count > 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var longAgo = now.AddDays(-36);
        var yesterday = now.AddDays(-1);
        var sightings = DemoWorld.HealthySightings.SelectMany(s => new[] { (s.Imei, s.Sim, longAgo), (s.Imei, s.Sim, yesterday) })
            .Append((DemoWorld.BlockedImei, DemoWorld.SecondSim, longAgo))
            .Append((DemoWorld.BlockedImei, DemoWorld.SecondSim, yesterday))
            .Append((DemoWorld.WarnedImei, DemoWorld.SampleSim, now.AddHours(-2)))
            .Select(s => new AttachObservationRecord(s.Item1, $"43211{s.Item2[1..]}", s.Item2, s.Item3))
            .ToList();
        await bus.InvokeAsync<AttachObservationsResult>(new RecordAttachObservations(Operator, sightings), cancellation);
        await bus.InvokeAsync(new ClassifyImeis("demo", AsOf: now.AddDays(-35)), cancellation);
        await bus.InvokeAsync(new ClassifyImeis("demo"), cancellation);
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
            await scope.ServiceProvider.GetRequiredService<DemoNetworkSeeder>().SeedAsync(cancellation);
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
        builder.Services.AddScoped<DemoNetworkSeeder>();
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue(EnabledKey, true))
        {
            builder.Services.AddHostedService<DemoDataOnStartup>();
        }
    }
}
