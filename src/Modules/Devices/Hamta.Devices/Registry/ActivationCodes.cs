using Hamta.Kernel.Security;
using Hamta.Kernel.Text;

namespace Hamta.Devices.Registry;

/// <summary>Six digits, never starting with 0, used once; kept only as a hash bound to its device.</summary>
public static class ActivationCodes
{
    public static bool IsWellFormed(string code) => code.Length == 6 && DigitNormalizer.IsAsciiDigits(code) && code[0] != '0';

    public static string Hash(Guid deviceId, string code) => CodeHash.Of(deviceId.ToString("N"), code);

    public static bool Matches(string? expectedHash, Guid deviceId, string code) => CodeHash.Matches(expectedHash, deviceId.ToString("N"), code);
}
