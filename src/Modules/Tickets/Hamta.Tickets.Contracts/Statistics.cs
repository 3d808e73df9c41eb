namespace Hamta.Tickets.Contracts;

/// <summary>
/// Counts the tickets of the last <see cref="Days"/> calendar days in Tehran (today included) again, and the open
/// tickets: the daily figures the statistics page reads (a recurring job; ADR 21).
/// </summary>
public sealed record RefreshTicketStatistics(int Days = 2)
{
    public const int MaxDays = 3660;
}

/// <summary>The statistics of the days <see cref="From"/> to <see cref="To"/> (Tehran days, both included), of one subject or all.</summary>
public sealed record GetTicketStatistics(DateOnly From, DateOnly To, TicketSubject? Subject = null);

/// <summary>
/// One day of one subject: tickets filed, tickets settled (first resolved, rejected or closed), and of those resolved,
/// how many the system resolved by itself and how many an agent did.
/// </summary>
public sealed record TicketDayCount(DateOnly Day, TicketSubject Subject, int Opened, int Closed, int ResolvedAutomatically, int ResolvedByAgent);

/// <summary>How long an open ticket has waited since it was filed, in whole days.</summary>
public enum BacklogAge
{
    UnderOneDay,
    OneToThreeDays,
    ThreeToSevenDays,
    OverSevenDays,
}

public sealed record BacklogCount(TicketStatus Status, BacklogAge Age, int Tickets);

/// <summary>
/// The figures of a period: each day's counts, the share of resolved tickets the system resolved by itself, the median
/// time from filing to «رفع شده» (from the resolution times counted by ranges, so it is the middle of its range, within
/// about 10%), and the open tickets now by status and age, as counted at <see cref="CountedAt"/>.
/// </summary>
public sealed record TicketStatistics(
    IReadOnlyList<TicketDayCount> Days,
    double? ResolvedAutomaticallyShare,
    TimeSpan? MedianTimeToResolve,
    IReadOnlyList<BacklogCount> Backlog,
    DateTimeOffset? CountedAt);
