using System.Text;

namespace Hamta.Kernel.Text;

/// <summary>
/// Turns what a person types or pastes from an SMS into plain ASCII digits: Persian (۰–۹) and
/// Arabic-Indic (٠–٩) digits become 0–9; spaces, dashes, dots and bidi marks are dropped, and so are
/// control characters and halves of surrogate pairs, which PostgreSQL refuses to store or compare.
/// </summary>
public static class DigitNormalizer
{
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        if (IsAsciiDigits(input))
        {
            return input;
        }

        var builder = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsSurrogatePair(input, i))
            {
                builder.Append(c).Append(input[++i]);
            }
            else if (c is >= '۰' and <= '۹')
            {
                builder.Append((char)('0' + (c - '۰')));
            }
            else if (c is >= '٠' and <= '٩')
            {
                builder.Append((char)('0' + (c - '٠')));
            }
            else if (!IsSeparator(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static bool IsAsciiDigits(string value) => value.Length > 0 && !value.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c)
        || c is '-' or '‐' or '‑' or '–' or '—' or '_' or '.' or '(' or ')'
        || c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
