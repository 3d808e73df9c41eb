namespace Hamta.Kernel.Time;

/// <summary>Which days a recurring count counts again: the last few, and any day since the previous count, or everything the first time.</summary>
public static class CountingWindow
{
    /// <summary>
    /// The first Tehran day to count: at least the last <paramref name="days"/> days (today included); after a previous count
    /// also from the day before it (a job that did not run for a while catches up); the first time from the earliest data.
    /// </summary>
    public static DateOnly FirstDay(DateOnly today, int days, DateTimeOffset? countedAt, DateOnly? earliest)
    {
        var recent = today.AddDays(1 - Math.Max(days, 1));
        var since = countedAt is { } counted ? JalaliDate.TehranDay(counted).AddDays(-1) : earliest ?? recent;
        return since < recent ? since : recent;
    }
}
