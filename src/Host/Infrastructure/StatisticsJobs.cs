using Hamta.Enforcement.Contracts;
using Hamta.Sim.Contracts;
using Hamta.Tickets.Contracts;
using Hangfire;
using Wolverine;

namespace Hamta.Host.Infrastructure;

/// <summary>The statistics' recurring jobs: thin triggers; each module counts its own days again (ADR 21).</summary>
public sealed class StatisticsJobs(IMessageBus bus)
{
    public const string RefreshTickets = "refresh-ticket-statistics";
    public const string CountSightings = "count-sightings";
    public const string CountEnforcementChanges = "count-enforcement-changes";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RefreshTicketStatisticsAsync() => bus.PublishAsync(new RefreshTicketStatistics()).AsTask();

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task CountSightingsAsync() => bus.PublishAsync(new Sim.Contracts.CountSightings()).AsTask();

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task CountEnforcementChangesAsync() => bus.PublishAsync(new Enforcement.Contracts.CountEnforcementChanges()).AsTask();
}

/// <summary>The statistics' jobs: tickets every 5 minutes, sightings and enforcement changes hourly, unless configured.</summary>
public sealed class StatisticsJobSchedule(IRecurringJobManager manager, IConfiguration configuration, ILogger<RecurringJobSchedule> logger)
    : RecurringJobSchedule(manager, configuration, logger)
{
    protected override void Schedule()
    {
        Manager.AddOrUpdate<StatisticsJobs>(StatisticsJobs.RefreshTickets, j => j.RefreshTicketStatisticsAsync(), Cron(StatisticsJobs.RefreshTickets, "*/5 * * * *"), Utc);
        Manager.AddOrUpdate<StatisticsJobs>(StatisticsJobs.CountSightings, j => j.CountSightingsAsync(), Cron(StatisticsJobs.CountSightings, "20 * * * *"), Utc);
        Manager.AddOrUpdate<StatisticsJobs>(
            StatisticsJobs.CountEnforcementChanges, j => j.CountEnforcementChangesAsync(), Cron(StatisticsJobs.CountEnforcementChanges, "25 * * * *"), Utc);
    }
}
