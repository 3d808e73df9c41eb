using System.Globalization;

namespace Hamta.Kernel.Time;

/// <summary>
/// Formats instants as Jalali (Shamsi) dates in Tehran time. The calendar is set explicitly:
/// some ICU builds format the fa-IR culture with the Gregorian calendar.
/// </summary>
public static class JalaliDate
{
    private static readonly PersianCalendar Calendar = new();
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    public static DateTime ToTehran(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Tehran).DateTime;

    /// <summary>1405/09/03</summary>
    public static string FormatDate(DateTimeOffset instant)
    {
        var local = ToTehran(instant);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Calendar.GetYear(local):0000}/{Calendar.GetMonth(local):00}/{Calendar.GetDayOfMonth(local):00}");
    }

    /// <summary>1405/09/03 19:48</summary>
    public static string FormatDateTime(DateTimeOffset instant)
    {
        var local = ToTehran(instant);
        return string.Create(CultureInfo.InvariantCulture, $"{FormatDate(instant)} {local.Hour:00}:{local.Minute:00}");
    }
}
