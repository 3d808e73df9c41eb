using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Hamta.Host.Identity;

public static class StaffRoles
{
    public const string Agent = "Agent";
    public const string Admin = "Admin";
    public const string Auditor = "Auditor";
    public const string RegistryClerk = "RegistryClerk";
}

/// <summary>A staff member's login. The password is kept only as an ASP.NET Core hash; a disabled account signs in nowhere.</summary>
public sealed record StaffAccount(string Id, string DisplayName, string PasswordHash, IReadOnlyList<string> Roles, bool Disabled = false)
{
    public static readonly string[] AllRoles = [StaffRoles.Agent, StaffRoles.Auditor, StaffRoles.RegistryClerk, StaffRoles.Admin];

    public static string IdOf(string username) => username.Trim().ToLowerInvariant();

    public const string Schema = "staff";
}

public enum StaffAccountProblem
{
    None,
    UsernameInvalid,
    DisplayNameMissing,
    RoleMissing,
    PasswordTooShort,
    PasswordTooLong,
    AlreadyExists,
    NoSuchAccount,
    OwnAccount,
}

/// <summary>
/// The rules every staff account and password follows, whether an admin sets them on <c>/staff/accounts</c> or
/// the first admin is made with <c>staff add</c> (docs/security.md).
/// </summary>
public static partial class StaffAccountRules
{
    public const int MinimumPasswordLength = 12;
    public const int MaximumPasswordLength = 128;
    public const int GeneratedPasswordLength = 16;

    /// <summary>Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.</summary>
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static StaffAccountProblem UsernameProblem(string? username) =>
        username is not null && Username().IsMatch(StaffAccount.IdOf(username)) ? StaffAccountProblem.None : StaffAccountProblem.UsernameInvalid;

    public static StaffAccountProblem PasswordProblem(string password) => password.Length switch
    {
        < MinimumPasswordLength => StaffAccountProblem.PasswordTooShort,
        > MaximumPasswordLength => StaffAccountProblem.PasswordTooLong,
        _ => StaffAccountProblem.None,
    };

    /// <summary>A password for an admin to hand over once: 16 characters from 55, about 92 bits.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, GeneratedPasswordLength);

    /// <summary>Roles as typed (any case), or null when one of them is not a staff role.</summary>
    public static IReadOnlyList<string>? Roles(IEnumerable<string> typed)
    {
        var roles = typed.Select(r => AllRolesOf(r)).ToList();
        return roles.Count == 0 || roles.Any(r => r is null) ? null : roles.OfType<string>().Distinct().ToList();
    }

    private static string? AllRolesOf(string typed) =>
        StaffAccount.AllRoles.FirstOrDefault(known => known.Equals(typed.Trim(), StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,31}$")]
    private static partial Regex Username();
}
