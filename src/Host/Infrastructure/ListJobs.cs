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

/// <summary>The lists' publication every 15 minutes unless configured.</summary>
public sealed class ListJobSchedule(IRecurringJobManager manager, IConfiguration configuration, ILogger<RecurringJobSchedule> logger)
    : RecurringJobSchedule(manager, configuration, logger)
{
    protected override void Schedule() =>
        Manager.AddOrUpdate<ListJobs>(ListJobs.PublishLists, j => j.PublishListsAsync(), Cron(ListJobs.PublishLists, "*/15 * * * *"), Utc);
}
