using System.Security.Cryptography;
using System.Text;

namespace Hamta.Sim.Login;

/// <summary>Where one-time login codes come from; a service so that handlers stay deterministic.</summary>
public interface IOneTimeCodes
{
    string NewCode();
}

public sealed class RandomOneTimeCodes : IOneTimeCodes
{
    public string NewCode() => RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public static class OneTimeCodeHash
{
    public static string Of(string mobile, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{mobile}:{code}")));

    public static bool Matches(string expectedHash, string mobile, string code) =>
        expectedHash.Length != 0
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHash), Encoding.ASCII.GetBytes(Of(mobile, code)));
}
