namespace Hamta.Host.Infrastructure;

/// <summary>The tickets' settings that both the jobs and the pages read.</summary>
public static class TicketSettings
{
    public const string EvidenceWindowDaysKey = "Hamta:Tickets:EvidenceWindowDays";
    public const string ResponseTargetsSection = "Hamta:Tickets:ResponseTargetHours";
    public const double DefaultResponseTargetHours = 72;

    /// <summary>How long an IMEI-mismatch ticket waits for network evidence before it is rejected.</summary>
    public static TimeSpan EvidenceWindow(this IConfiguration configuration) =>
        TimeSpan.FromDays(configuration.GetValue(EvidenceWindowDaysKey, 7.0));

    /// <summary>How long a ticket of a subject may stay open before the queue marks it overdue (<c>Hamta:Tickets:ResponseTargetHours:&lt;Subject&gt;</c>).</summary>
    public static TimeSpan ResponseTarget(this IConfiguration configuration, Hamta.Tickets.Contracts.TicketSubject subject) =>
        TimeSpan.FromHours(configuration.GetValue($"{ResponseTargetsSection}:{subject}", DefaultResponseTargetHours));
}
