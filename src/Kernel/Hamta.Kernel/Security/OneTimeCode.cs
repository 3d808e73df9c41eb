using System.Globalization;
using System.Security.Cryptography;

namespace Hamta.Kernel.Security;

/// <summary>Six random digits, never starting with 0: login codes and activation codes alike.</summary>
public static class OneTimeCode
{
    public static string New() => RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
}
