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

/// <summary>The sightings' partitions maintained every day at 00:15 UTC unless configured.</summary>
public sealed class NetworkJobSchedule(IRecurringJobManager manager, IConfiguration configuration, ILogger<RecurringJobSchedule> logger)
    : RecurringJobSchedule(manager, configuration, logger)
{
    protected override void Schedule() =>
        Manager.AddOrUpdate<NetworkJobs>(NetworkJobs.MaintainPartitions, j => j.MaintainSightingPartitionsAsync(), Cron(NetworkJobs.MaintainPartitions, "15 0 * * *"), Utc);
}
