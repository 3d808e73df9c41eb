using Hamta.Devices;
using Hamta.Enforcement;
using Hamta.Sim;
using Hamta.Tickets;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Hamta.Host.Infrastructure;

public static class Messaging
{
    /// <summary>In-process waits after a transient error: together 61.5 s, a minute-long database outage (ADR 0014).</summary>
    public static readonly TimeSpan[] TransientCooldowns =
        [.. new[] { 0.5, 1, 2, 4, 8, 16, 30 }.Select(TimeSpan.FromSeconds)];

    /// <summary>After the in-process waits, the message is put back in the inbox and tried again later.</summary>
    public static readonly TimeSpan[] TransientScheduledRetries =
        [.. new[] { 1.0, 5, 15, 60 }.Select(TimeSpan.FromMinutes)];

    /// <summary>
    /// Wolverine on the same database: durable local queues with the PostgreSQL inbox/outbox, each
    /// module's handlers discovered, pre-generated handler code loaded statically (ADR 0001).
    /// </summary>
    public static void AddHamtaMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.ApplicationAssembly = typeof(Program).Assembly;
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            options.Durability.Mode = builder.Configuration.GetValue("Hamta:SingleNode", false) ? DurabilityMode.Solo : DurabilityMode.Balanced;
            options.Policies.AutoApplyTransactions();
            options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            options.EnableRelayOfUserName = true;
            options.Policies.UseDurableLocalQueues();
            options.Policies.UseDurableOutboxOnAllSendingEndpoints();
            options.OnException<ConcurrencyException>().Or<EventStreamUnexpectedMaxEventIdException>().Or<Marten.Exceptions.ExistingStreamIdCollisionException>()
                .Or<Marten.Exceptions.MartenCommandException>(e => e.InnerException is PostgresException { SqlState: "MT003" })
                .Or<PostgresException>(e => e.SqlState == PostgresErrorCodes.DeadlockDetected)
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            options.OnException(TransientErrors.IsTransient)
                .RetryWithCooldown(TransientCooldowns).Then.ScheduleRetry(TransientScheduledRetries);
            options.ConfigureDurability(builder.Configuration);
            options.AddSimModule();
            options.AddDevicesModule();
            options.AddTicketsModule();
            options.AddEnforcementModule();
            options.Discovery.IncludeAssembly(typeof(Program).Assembly);
        });
    }

    /// <summary>
    /// A node that stops beating is stale after <c>Hamta:Durability:StaleNodeSeconds</c> (4 s) and ejected two health
    /// checks later; its inbox and outbox are then released to the live nodes, well inside 10 s (ADR 0014).
    /// </summary>
    private static void ConfigureDurability(this WolverineOptions options, ConfigurationManager configuration)
    {
        var settings = configuration.GetSection("Hamta:Durability");
        var beat = TimeSpan.FromSeconds(settings.GetValue("HealthCheckSeconds", 1.0));
        options.Durability.HealthCheckPollingTime = beat;
        options.Durability.FirstHealthCheckExecution = beat;
        options.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(settings.GetValue("StaleNodeSeconds", 4.0));
        options.Durability.NodeReassignmentPollingTime = beat;
        options.Durability.OrphanedMessageSweepPollingTime = beat;
        options.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(settings.GetValue("ScheduledPollSeconds", 2.0));
    }
}
