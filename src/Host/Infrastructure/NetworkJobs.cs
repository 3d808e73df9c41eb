using Hamta.Sim.Contracts;
using Hangfire;
using Wolverine;

namespace Hamta.Host.Infrastructure;

/// <summary>The sightings' recurring job, a thin trigger like the tickets' ones (ADR 18).</summary>
public sealed class NetworkJobs(IMessageBus bus)
{
    public const string MaintainPartitions = "maintain-sighting-partitions";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task MaintainSightingPartitionsAsync() => bus.PublishAsync(new MaintainSightingPartitions()).AsTask();
}

/// <summary>Puts the sightings' job on the schedule (every day at 00:15 UTC unless configured) once the node serves.</summary>
public sealed class NetworkJobSchedule(IRecurringJobManager jobs, IConfiguration configuration) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<NetworkJobs>(NetworkJobs.MaintainPartitions, j => j.MaintainSightingPartitionsAsync(),
            configuration[$"Hamta:Jobs:{NetworkJobs.MaintainPartitions}"] ?? "15 0 * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
