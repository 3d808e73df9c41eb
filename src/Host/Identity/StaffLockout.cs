using System.Security.Cryptography;
using System.Text;
using Hamta.Kernel.Security;

namespace Hamta.Host.Identity;

/// <summary>
/// Wrong passwords sent for one username, kept in the database so every node refuses a locked name. Kept for
/// unknown usernames too, so a lock does not tell whether the account exists; the id is a hash of the name,
/// so typed text is never stored.
/// </summary>
public sealed record StaffLockout(string Id, Lockout Lockout)
{
    public static string IdOf(string username) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(StaffAccount.IdOf(username))));
}

/// <summary>What a staff sign-in found: the account when the password was right, or how long the name is locked.</summary>
public sealed record StaffSignInResult(StaffAccount? Account, TimeSpan LockedFor)
{
    public static readonly StaffSignInResult Wrong = new(null, TimeSpan.Zero);
}
