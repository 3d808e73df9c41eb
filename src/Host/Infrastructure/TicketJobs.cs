using Hamta.Tickets.Contracts;
using Hangfire;
using Wolverine;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// The recurring jobs are thin triggers: each publishes one message, and a tested handler does the
/// work. A job never runs twice at once, also across nodes (Hangfire's distributed lock).
/// </summary>
public sealed class TicketJobs(IMessageBus bus, IConfiguration configuration)
{
    public const string Recheck = "recheck-network-evidence";
    public const string AutoClose = "auto-close-resolved";
    public const string Remind = "remind-unanswered";

    /// <summary>Asks for the evidence of the waiting tickets, and again for the corrections that got no answer.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RecheckNetworkEvidenceAsync()
    {
        await bus.PublishAsync(new SweepAwaitingTickets(configuration.EvidenceWindow()));
        await bus.PublishAsync(new RequestStrandedCorrections(TimeSpan.FromMinutes(configuration.GetValue("Hamta:Tickets:CorrectionPatienceMinutes", 30.0))));
    }

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task CloseSettledTicketsAsync() => bus.PublishAsync(new CloseSettledTickets()).AsTask();

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RemindUnansweredTicketsAsync() =>
        bus.PublishAsync(new RemindUnansweredTickets(
            TimeSpan.FromDays(configuration.GetValue("Hamta:Tickets:RemindAfterDays", 3.0)),
            TimeSpan.FromDays(configuration.GetValue("Hamta:Tickets:CloseUnansweredAfterDays", 10.0)))).AsTask();
}

/// <summary>Puts the recurring jobs on the schedule from configuration once the node serves: a restarted node does not wait on it (ADR 0014).</summary>
public sealed class TicketJobSchedule(IRecurringJobManager jobs, IConfiguration configuration) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        jobs.AddOrUpdate<TicketJobs>(TicketJobs.Recheck, j => j.RecheckNetworkEvidenceAsync(), Cron(TicketJobs.Recheck, "*/5 * * * *"), options);
        jobs.AddOrUpdate<TicketJobs>(TicketJobs.AutoClose, j => j.CloseSettledTicketsAsync(), Cron(TicketJobs.AutoClose, "0 * * * *"), options);
        jobs.AddOrUpdate<TicketJobs>(TicketJobs.Remind, j => j.RemindUnansweredTicketsAsync(), Cron(TicketJobs.Remind, "30 * * * *"), options);
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Cron(string job, string fallback) => configuration[$"Hamta:Jobs:{job}"] ?? fallback;
}
