using System.Globalization;
using Hamta.Kernel.Time;

namespace Hamta.Kernel.Text;

/// <summary>
/// How numbers, and text of another direction, are shown inside Persian text: on pages, in SMS and in USSD answers
/// (ADR 28). Quantities, dates, times, ticket and case numbers are written with Persian digits; identifiers (IMEIs,
/// IMSIs, mobile numbers, national IDs, activation and transfer codes) as the service prints them, with Latin digits.
/// Dates, times and identifiers are isolated left to right, so that a sentence or a table cell around them cannot
/// reorder their parts.
/// </summary>
public static class Display
{
    private const char LeftToRightIsolate = '\u2066';
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';
    private const char GroupSeparator = '٬';
    private const char DecimalSeparator = '٫';
    private const char PercentSign = '٪';

    /// <summary>A number that names something (a ticket, a case, a version, a slot): ۱۰۰۰۰۱.</summary>
    public static string Number(long number) => Digits(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>A quantity, its thousands grouped: ۱٬۲۳۴٬۵۶۷.</summary>
    public static string Count(long count) =>
        Digits(count.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', GroupSeparator));

    /// <summary>A share as a percentage: 0.125 → ۱۲٫۵٪ with one decimal.</summary>
    public static string Percent(double ratio, int decimals = 0) =>
        Digits((ratio * 100).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .Replace(',', GroupSeparator).Replace('.', DecimalSeparator)) + PercentSign;

    /// <summary>The Jalali day in Tehran of an instant: ۱۴۰۵/۰۹/۰۳.</summary>
    public static string Date(DateTimeOffset instant) => LeftToRight(Digits(JalaliDate.FormatDate(instant)));

    /// <summary>A Jalali calendar day: ۱۴۰۵/۰۹/۰۳.</summary>
    public static string Day(DateOnly day) => LeftToRight(Digits(JalaliDate.FormatDay(day)));

    /// <summary>The Jalali day and the clock in Tehran, in the order they are written: ۱۴۰۵/۰۹/۰۳ ۱۹:۴۸.</summary>
    public static string DateTime(DateTimeOffset instant) => LeftToRight(Digits(JalaliDate.FormatDateTime(instant)));

    /// <summary>The clock in Tehran: ۱۹:۴۸:۰۵.</summary>
    public static string Time(DateTimeOffset instant) => LeftToRight(Digits(JalaliDate.FormatTime(instant)));

    /// <summary>An IMEI, IMSI, mobile number (masked or not), national ID or code, as the service prints it: 356938035643809.</summary>
    public static string Identifier(string identifier) => LeftToRight(identifier);

    /// <summary>Text of unknown direction (a username, a brand), isolated as <c>bdi</c> does in markup.</summary>
    public static string Isolate(string text) => $"{FirstStrongIsolate}{text}{PopDirectionalIsolate}";

    /// <summary>The text with each Latin digit written as its Persian digit, for what a person types back (a date in a filter): 1405/09/03 → ۱۴۰۵/۰۹/۰۳.</summary>
    public static string Digits(string text) => string.Create(text.Length, text, static (span, text) =>
    {
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = char.IsAsciiDigit(text[i]) ? (char)('۰' + (text[i] - '0')) : text[i];
        }
    });

    private static string LeftToRight(string text) => $"{LeftToRightIsolate}{text}{PopDirectionalIsolate}";
}
