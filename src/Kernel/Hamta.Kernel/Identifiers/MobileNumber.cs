using Hamta.Kernel.Text;

namespace Hamta.Kernel.Identifiers;

/// <summary>
/// An Iranian mobile number in its one canonical form, <c>09XXXXXXXXX</c>. Accepts 09…, 9…,
/// +989…, 00989… and 989…, in any digit script.
/// </summary>
public static class MobileNumber
{
    public static bool TryNormalize(string? input, out string canonical)
    {
        var digits = DigitNormalizer.Normalize(input);
        if (digits.StartsWith('+'))
        {
            digits = digits[1..];
        }

        var national = digits switch
        {
            { Length: 14 } when digits.StartsWith("00989", StringComparison.Ordinal) => digits[4..],
            { Length: 12 } when digits.StartsWith("989", StringComparison.Ordinal) => digits[2..],
            { Length: 11 } when digits.StartsWith("09", StringComparison.Ordinal) => digits[1..],
            { Length: 10 } when digits.StartsWith('9') => digits,
            _ => null,
        };

        if (national is null || !DigitNormalizer.IsAsciiDigits(national))
        {
            canonical = string.Empty;
            return false;
        }

        canonical = "0" + national;
        return true;
    }

    /// <summary>0912***4567: enough for a person to recognise their own number, no more.</summary>
    public static string Mask(string canonical) =>
        canonical.Length == 11 ? $"{canonical[..4]}***{canonical[^4..]}" : "***";
}
