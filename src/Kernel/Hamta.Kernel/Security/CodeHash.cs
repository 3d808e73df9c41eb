using System.Security.Cryptography;
using System.Text;

namespace Hamta.Kernel.Security;

/// <summary>
/// A one-time code is kept only as a keyed hash (HMAC-SHA256 with the server's code key) bound to what
/// it is for (a mobile number, a device): six digits cannot be recovered from it without the key.
/// Hashes written before the key existed (plain SHA-256, no prefix) are still checked, so codes already
/// handed out keep working (ADR 0015).
/// </summary>
public static class CodeHash
{
    private const string KeyedPrefix = "h1:";
    private static byte[]? key;

    /// <summary>Sets the code key once, at start-up, from configuration.</summary>
    public static void UseKey(byte[] secret) => key = secret.Length >= 32
        ? secret
        : throw new ArgumentException("The code key must be at least 32 bytes.", nameof(secret));

    public static string Of(string boundTo, string code) =>
        KeyedPrefix + Convert.ToHexString(HMACSHA256.HashData(
            key ?? throw new InvalidOperationException("The code key is not configured (Hamta:Secrets:CodeKey)."),
            Encoding.UTF8.GetBytes($"{boundTo}:{code}")));

    public static bool Matches(string? expectedHash, string boundTo, string code) =>
        !string.IsNullOrEmpty(expectedHash)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expectedHash),
            Encoding.ASCII.GetBytes(expectedHash.StartsWith(KeyedPrefix, StringComparison.Ordinal) ? Of(boundTo, code) : Unkeyed(boundTo, code)));

    private static string Unkeyed(string boundTo, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{boundTo}:{code}")));
}
