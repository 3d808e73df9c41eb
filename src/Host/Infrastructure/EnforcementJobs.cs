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

/// <summary>Puts the classification on the schedule (every day at 00:30 UTC, after the partitions' job, unless configured).</summary>
public sealed class EnforcementJobSchedule(IRecurringJobManager jobs, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<EnforcementJobs>(EnforcementJobs.Classify, j => j.ClassifyImeisAsync(),
            configuration[$"Hamta:Jobs:{EnforcementJobs.Classify}"] ?? "30 0 * * *", new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
