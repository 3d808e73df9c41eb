namespace Hamta.Host.Identity;

public static class StaffRoles
{
    public const string Agent = "Agent";
    public const string Admin = "Admin";
    public const string Auditor = "Auditor";
}

/// <summary>A support agent's or admin's login. The password is kept only as an ASP.NET Core hash; a disabled account signs in nowhere.</summary>
public sealed record StaffAccount(string Id, string DisplayName, string PasswordHash, IReadOnlyList<string> Roles, bool Disabled = false)
{
    public static readonly string[] AllRoles = [StaffRoles.Agent, StaffRoles.Admin, StaffRoles.Auditor];

    public static string IdOf(string username) => username.Trim().ToLowerInvariant();

    public const string Schema = "staff";
}
