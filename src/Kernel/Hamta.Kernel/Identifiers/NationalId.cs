using Hamta.Kernel.Text;

namespace Hamta.Kernel.Identifiers;

/// <summary>The Iranian national ID (کد ملی): ten digits, the last a check digit.</summary>
public static class NationalId
{
    public static bool TryNormalize(string? input, out string canonical)
    {
        var digits = DigitNormalizer.Normalize(input);
        canonical = IsValid(digits) ? digits : string.Empty;
        return canonical.Length != 0;
    }

    public static bool IsValid(string digits)
    {
        if (digits.Length != 10 || !DigitNormalizer.IsAsciiDigits(digits) || digits.All(c => c == digits[0]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        var check = remainder < 2 ? remainder : 11 - remainder;
        return digits[9] - '0' == check;
    }

    public static string Mask(string nationalId) =>
        nationalId.Length == 10 ? $"{nationalId[..3]}****{nationalId[^3..]}" : "***";
}
