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

/// <summary>Puts the sightings' job on the schedule (every day at 00:15 UTC unless configured), once the host has started.</summary>
public sealed class NetworkJobSchedule(IRecurringJobManager jobs, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<NetworkJobs>(NetworkJobs.MaintainPartitions, j => j.MaintainSightingPartitionsAsync(),
            configuration[$"Hamta:Jobs:{NetworkJobs.MaintainPartitions}"] ?? "15 0 * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
