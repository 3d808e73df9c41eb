using Hamta.Enforcement.Contracts;
using Hangfire;
using Wolverine;

namespace Hamta.Host.Infrastructure;

/// <summary>The daily classification, a thin trigger like the other recurring jobs (ADR 23).</summary>
public sealed class EnforcementJobs(IMessageBus bus)
{
    public const string Classify = "classify-imeis";

    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task ClassifyImeisAsync() => bus.PublishAsync(new ClassifyImeis("daily")).AsTask();
}

/// <summary>The classification every day at 00:30 UTC, after the partitions' job, unless configured.</summary>
public sealed class EnforcementJobSchedule(IRecurringJobManager manager, IConfiguration configuration, ILogger<RecurringJobSchedule> logger)
    : RecurringJobSchedule(manager, configuration, logger)
{
    protected override void Schedule() =>
        Manager.AddOrUpdate<EnforcementJobs>(EnforcementJobs.Classify, j => j.ClassifyImeisAsync(), Cron(EnforcementJobs.Classify, "30 0 * * *"), Utc);
}
