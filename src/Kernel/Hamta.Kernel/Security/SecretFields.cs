using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hamta.Kernel.Security;

/// <summary>
/// The fields that hold secrets or what a secret can be recovered from (codes, passwords, tokens and
/// any hash of them): the logs mask them and the history page redacts them.
/// </summary>
public static partial class SecretFields
{
    public const string Redacted = "***";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Code", "Otp", "OneTimeCode", "ActivationCode", "TransferCode", "Password", "Token", "Secret", "ApiKey",
    };

    public static bool IsSecret(string name) =>
        Names.Contains(name) || name.EndsWith("Hash", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Password", StringComparison.OrdinalIgnoreCase);

    /// <summary>The JSON with the value of every secret field, at any depth, replaced; Persian text written as itself.</summary>
    public static string Redact(string json)
    {
        if (JsonNode.Parse(json) is not { } root)
        {
            return json;
        }

        Redact(root);
        return Unescaped(root.ToJsonString(Readable));
    }

    /// <summary>
    /// Even the relaxed encoder writes some characters as <c>\uXXXX</c>, the zero-width non-joiner of Persian words among
    /// them. Those are written as themselves; controls, invisible direction marks, overrides and isolates are written escaped
    /// (the encoder leaves some of them as they are), so nothing in the text hides or reorders what an auditor reads. The JSON is shown as text, HTML-encoded by the page.
    /// </summary>
    private static string Unescaped(string json)
    {
        var unescaped = EscapedCharacter().Replace(json, match =>
        {
            var character = (char)int.Parse(match.Groups[1].ValueSpan, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return IsReadable(character) ? character.ToString() : match.Value;
        });
        return Invisible().Replace(unescaped, match => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)match.Value[0]:X4}"));
    }

    private static bool IsReadable(char character) =>
        character is '\u200C' or '\u200D'
        || (character is not ('"' or '\\') && char.GetUnicodeCategory(character) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator));

    /// <summary>A <c>\uXXXX</c> escape, not a backslash written as <c>\\</c> followed by "u".</summary>
    [GeneratedRegex(@"(?<=(?:^|[^\\])(?:\\\\)*)\\u([0-9A-Fa-f]{4})")]
    private static partial Regex EscapedCharacter();

    /// <summary>An invisible formatting character the encoder leaves as it is (direction marks, overrides, isolates), save the joiners.</summary>
    [GeneratedRegex(@"[\p{Cf}\p{Zl}\p{Zp}-[\u200C\u200D]]")]
    private static partial Regex Invisible();

    private static void Redact(JsonNode node)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (name, value) in properties.ToList())
                {
                    if (value is null)
                    {
                        continue;
                    }

                    if (IsSecret(name))
                    {
                        properties[name] = Redacted;
                    }
                    else
                    {
                        Redact(value);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items.OfType<JsonNode>())
                {
                    Redact(item);
                }

                break;
        }
    }
}
