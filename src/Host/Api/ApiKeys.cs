using System.Security.Cryptography;
using System.Text;

namespace Hamta.Host.Api;

/// <summary>The machine APIs' keys (operators, SMS/USSD gateways): one configuration section of name → key each.</summary>
public static class ApiKeys
{
    /// <summary>
    /// The name whose key was presented, or null. Keys are compared as SHA-256 digests in constant time, so neither
    /// the time taken nor the length of a key tells how close a guess came.
    /// </summary>
    public static string? NameFor(string presented, IConfigurationSection keys)
    {
        if (presented.Length == 0)
        {
            return null;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return keys.GetChildren()
            .Where(k => k.Value is { Length: > 0 } expected && CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
            .Select(k => k.Key)
            .FirstOrDefault();
    }
}
