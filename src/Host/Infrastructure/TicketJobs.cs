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

/// <summary>The tickets' recurring jobs: the evidence re-check every 5 minutes, settled tickets closed and unanswered ones reminded hourly.</summary>
public sealed class TicketJobSchedule(IRecurringJobManager manager, IConfiguration configuration, ILogger<RecurringJobSchedule> logger)
    : RecurringJobSchedule(manager, configuration, logger)
{
    protected override void Schedule()
    {
        Manager.AddOrUpdate<TicketJobs>(TicketJobs.Recheck, j => j.RecheckNetworkEvidenceAsync(), Cron(TicketJobs.Recheck, "*/5 * * * *"), Utc);
        Manager.AddOrUpdate<TicketJobs>(TicketJobs.AutoClose, j => j.CloseSettledTicketsAsync(), Cron(TicketJobs.AutoClose, "0 * * * *"), Utc);
        Manager.AddOrUpdate<TicketJobs>(TicketJobs.Remind, j => j.RemindUnansweredTicketsAsync(), Cron(TicketJobs.Remind, "30 * * * *"), Utc);
    }
}
