using Hamta.Kernel.Text;

namespace Hamta.Kernel.Identifiers;

public enum ImeiProblem
{
    None,
    Empty,
    NotDigits,
    WrongLength,
    LooksLikeImeisv,
    WrongCheckDigit,
}

/// <summary>An IMEI: 15 digits, TAC (8) + serial (6) + Luhn check digit.</summary>
public static class Imei
{
    public const int Length = 15;
    public const int TacLength = 8;

    /// <summary>Normalises the digits and says what, if anything, is wrong with them.</summary>
    public static ImeiProblem Check(string? input, out string imei)
    {
        imei = DigitNormalizer.Normalize(input);
        if (imei.Length == 0)
        {
            return ImeiProblem.Empty;
        }

        if (!DigitNormalizer.IsAsciiDigits(imei))
        {
            return ImeiProblem.NotDigits;
        }

        if (imei.Length == 16)
        {
            return ImeiProblem.LooksLikeImeisv;
        }

        if (imei.Length != Length)
        {
            return ImeiProblem.WrongLength;
        }

        return HasValidCheckDigit(imei) ? ImeiProblem.None : ImeiProblem.WrongCheckDigit;
    }

    public static bool IsValid(string imei) => Check(imei, out var normalized) == ImeiProblem.None && normalized == imei;

    public static string TacOf(string imei) => imei[..TacLength];

    public static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length - 1; i++)
        {
            var digit = digits[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10 == digits[^1] - '0';
    }
}
