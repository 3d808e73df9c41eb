using Hamta.Tickets.Contracts;

namespace Hamta.Tickets.Statistics;

/// <summary>The open tickets by status and age, from their counts per day of filing.</summary>
public static class Backlogs
{
    public static BacklogAge AgeOf(DateOnly openedDay, DateOnly today) => (today.DayNumber - openedDay.DayNumber) switch
    {
        < 1 => BacklogAge.UnderOneDay,
        < 3 => BacklogAge.OneToThreeDays,
        < 7 => BacklogAge.ThreeToSevenDays,
        _ => BacklogAge.OverSevenDays,
    };

    public static IReadOnlyList<BacklogCount> Of(IEnumerable<(TicketStatus Status, DateOnly OpenedDay, int Tickets)> rows, DateOnly today) =>
        rows.GroupBy(row => (row.Status, Age: AgeOf(row.OpenedDay, today)))
            .Select(g => new BacklogCount(g.Key.Status, g.Key.Age, g.Sum(row => row.Tickets)))
            .OrderBy(count => count.Status).ThenBy(count => count.Age)
            .ToList();
}
