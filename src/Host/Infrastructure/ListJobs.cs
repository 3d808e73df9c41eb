using Hamta.Enforcement.Contracts;
using Hangfire;
using Wolverine;

namespace Hamta.Host.Infrastructure;

/// <summary>The operators' lists' recurring publication, a thin trigger: deadlines pass without any other change (ADR 24).</summary>
public sealed class ListJobs(IMessageBus bus)
{
    public const string PublishLists = "publish-enforcement-lists";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task PublishListsAsync() => bus.PublishAsync(new PublishEnforcementLists()).AsTask();
}

/// <summary>Puts the lists' publication on the schedule (every 15 minutes unless configured), once the host has started.</summary>
public sealed class ListJobSchedule(IRecurringJobManager jobs, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<ListJobs>(ListJobs.PublishLists, j => j.PublishListsAsync(),
            configuration[$"Hamta:Jobs:{ListJobs.PublishLists}"] ?? "*/15 * * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
