namespace Hamta.Host.Infrastructure;

/// <summary>The tickets' settings that both the jobs and the pages read.</summary>
public static class TicketSettings
{
    public const string EvidenceWindowDaysKey = "Hamta:Tickets:EvidenceWindowDays";

    /// <summary>How long an IMEI-mismatch ticket waits for network evidence before it is rejected.</summary>
    public static TimeSpan EvidenceWindow(this IConfiguration configuration) =>
        TimeSpan.FromDays(configuration.GetValue(EvidenceWindowDaysKey, 7.0));
}
