using System.Collections.Concurrent;
using System.Globalization;
using Hamta.Kernel.Text;

namespace Hamta.Kernel.Time;

/// <summary>
/// Formats instants as Jalali (Shamsi) dates in Tehran time. The calendar is set explicitly:
/// some ICU builds format the fa-IR culture with the Gregorian calendar.
/// </summary>
public static class JalaliDate
{
    private static readonly PersianCalendar Calendar = new();
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
    private static readonly ConcurrentDictionary<DateOnly, string> Days = new();

    public static DateTime ToTehran(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Tehran).DateTime;

    /// <summary>1405/09/03</summary>
    public static string FormatDate(DateTimeOffset instant) => FormatDay(DateOnly.FromDateTime(ToTehran(instant)));

    /// <summary>1405/09/03 19:48</summary>
    public static string FormatDateTime(DateTimeOffset instant)
    {
        var local = ToTehran(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{FormatDay(DateOnly.FromDateTime(local))} {local.Hour:00}:{local.Minute:00}");
    }

    /// <summary>19:48:05, Tehran time</summary>
    public static string FormatTime(DateTimeOffset instant)
    {
        var local = ToTehran(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Hour:00}:{local.Minute:00}:{local.Second:00}");
    }

    /// <summary>
    /// A calendar day as people in Iran write it: 1405/09/03. The calendar's arithmetic is astronomical
    /// and costly, so each day is worked out once; the days a portal shows are few.
    /// </summary>
    public static string FormatDay(DateOnly day) => Days.GetOrAdd(day, static day =>
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Calendar.GetYear(date):0000}/{Calendar.GetMonth(date):00}/{Calendar.GetDayOfMonth(date):00}");
    });

    /// <summary>
    /// Reads a Jalali day typed as yyyy/m/d (slashes, dashes or dots; digits in any script) and gives
    /// the same day in the Gregorian calendar; false for anything that is not a real Jalali day of the
    /// years 1300–1599 (a Gregorian 2026-11-24 is refused, not read as a Jalali year 2026).
    /// </summary>
    public static bool TryParseDay(string? input, out DateOnly day)
    {
        day = default;
        // The normaliser drops dashes and dots, so they become slashes first.
        var parts = DigitNormalizer.Normalize((input ?? "").Replace('-', '/').Replace('.', '/')).Split('/');
        if (parts.Length != 3
            || parts[0].Length != 4
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dayOfMonth)
            || year is < 1300 or > 1599
            || month is < 1 or > 12
            || dayOfMonth < 1 || dayOfMonth > Calendar.GetDaysInMonth(year, month))
        {
            return false;
        }
        day = DateOnly.FromDateTime(Calendar.ToDateTime(year, month, dayOfMonth, 0, 0, 0, 0));
        return true;
    }
}
