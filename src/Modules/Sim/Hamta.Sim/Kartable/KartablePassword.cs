using System.Security.Cryptography;

namespace Hamta.Sim.Kartable;

/// <summary>A SIM's kartable password, kept only as a salted PBKDF2 hash.</summary>
public sealed record KartablePassword(string Id, string Salt, string Hash)
{
    public const int MinLength = 8;
    private const int Iterations = 100_000;

    public static KartablePassword For(string sim, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new KartablePassword(sim, Convert.ToBase64String(salt), Derive(password, salt));
    }

    public bool Matches(string password) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(Hash), Convert.FromBase64String(Derive(password, Convert.FromBase64String(Salt))));

    private static string Derive(string password, byte[] salt) =>
        Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32));
}
