namespace Hamta.Tickets.Statistics;

/// <summary>
/// Resolution times are counted in ranges whose bounds grow by 2^(1/4) (about 19%): range <c>b</c> holds the times of
/// <c>2^(b/4) − 1</c> to <c>2^((b+1)/4) − 1</c> minutes. Ranges of days add up, so the median of any period is read from
/// them without the tickets; it is the middle of the range that holds it.
/// </summary>
public static class ResolutionTimes
{
    /// <summary>The range of a duration (an SQL interval expression), as the refresh computes it in SQL.</summary>
    public static string BucketSql(string duration) => $"floor(4 * log(2.0, (greatest(extract(epoch from {duration}), 0) / 60 + 1)::numeric))::int";

    public static int BucketOf(TimeSpan duration) => (int)Math.Floor(4 * Math.Log2(Math.Max(duration.TotalMinutes, 0) + 1));

    public static TimeSpan MiddleOf(int bucket) => TimeSpan.FromMinutes(Math.Pow(2, (bucket + 0.5) / 4) - 1);

    /// <summary>The median of the counted times: the middle of the range that holds the middle ticket; null when none.</summary>
    public static TimeSpan? Median(IEnumerable<(int Bucket, long Tickets)> counts)
    {
        var ranges = counts.GroupBy(c => c.Bucket).Select(g => (Bucket: g.Key, Tickets: g.Sum(c => c.Tickets))).OrderBy(c => c.Bucket).ToList();
        var total = ranges.Sum(c => c.Tickets);
        if (total == 0)
        {
            return null;
        }

        var seen = 0L;
        foreach (var (bucket, tickets) in ranges)
        {
            seen += tickets;
            if (2 * seen >= total)
            {
                return MiddleOf(bucket);
            }
        }

        return MiddleOf(ranges[^1].Bucket);
    }
}
