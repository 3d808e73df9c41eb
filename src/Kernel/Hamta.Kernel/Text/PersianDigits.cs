using System.Globalization;

namespace Hamta.Kernel.Text;

/// <summary>Numbers in running Persian text (counts, ages, durations) are written with Persian digits.</summary>
public static class PersianDigits
{
    public static string Of(long number) =>
        string.Concat(number.ToString(CultureInfo.InvariantCulture).Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));
}
