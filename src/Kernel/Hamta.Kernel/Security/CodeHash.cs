using System.Security.Cryptography;
using System.Text;

namespace Hamta.Kernel.Security;

/// <summary>A one-time code is kept only as a hash bound to what it is for (a mobile number, a device).</summary>
public static class CodeHash
{
    public static string Of(string boundTo, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{boundTo}:{code}")));

    public static bool Matches(string? expectedHash, string boundTo, string code) =>
        !string.IsNullOrEmpty(expectedHash)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(Of(boundTo, code)));
}
