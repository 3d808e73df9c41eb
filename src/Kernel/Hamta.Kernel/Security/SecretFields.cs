using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hamta.Kernel.Security;

/// <summary>
/// The fields that hold secrets or what a secret can be recovered from (codes, passwords, tokens and
/// any hash of them): the logs mask them and the history page redacts them.
/// </summary>
public static class SecretFields
{
    public const string Redacted = "***";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Code", "Otp", "OneTimeCode", "ActivationCode", "TransferCode", "Password", "Token", "Secret", "ApiKey",
    };

    public static bool IsSecret(string name) =>
        Names.Contains(name) || name.EndsWith("Hash", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Password", StringComparison.OrdinalIgnoreCase);

    /// <summary>The JSON with the value of every secret field, at any depth, replaced.</summary>
    public static string Redact(string json)
    {
        if (JsonNode.Parse(json) is not { } root)
        {
            return json;
        }

        Redact(root);
        return root.ToJsonString(Readable);
    }

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
