using System.Globalization;

namespace Hamta.Kernel.Text;

/// <summary>Numbers in running Persian text (counts, ages, durations, clock times) are written with Persian digits.</summary>
public static class PersianDigits
{
    public static string Of(long number) => Of(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The text with each ASCII digit written as its Persian digit: 14:05 → ۱۴:۰۵.</summary>
    public static string Of(string text) => string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));
}
