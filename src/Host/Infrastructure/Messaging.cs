using Hamta.Devices;
using Hamta.Sim;
using Hamta.Tickets;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Hamta.Host.Infrastructure;

public static class Messaging
{
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
            options.OnException<ConcurrencyException>().Or<EventStreamUnexpectedMaxEventIdException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            // Retried in memory for a minute first: a scheduled retry is written to the inbox, which is away too.
            options.OnException(TransientDatabaseErrors.Caused)
                .RetryWithCooldown(
                    TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
                    TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30))
                .Then.ScheduleRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
            options.AddSimModule();
            options.AddDevicesModule();
            options.AddTicketsModule();
            options.Discovery.IncludeAssembly(typeof(Program).Assembly);
        });
    }
}
