using Marten;
using Microsoft.AspNetCore.Identity;

namespace Hamta.Host.Identity;

/// <summary>Checks a staff username and password; creates accounts for the demo seed.</summary>
public sealed class StaffSignIn(IDocumentSession session, IPasswordHasher<StaffAccount> hasher)
{
    public async Task<StaffAccount?> CheckAsync(string username, string password, CancellationToken cancellation)
    {
        var account = await session.LoadAsync<StaffAccount>(username.Trim().ToLowerInvariant(), cancellation);
        if (account is null)
        {
            return null;
        }

        return hasher.VerifyHashedPassword(account, account.PasswordHash, password) switch
        {
            PasswordVerificationResult.Success => account,
            PasswordVerificationResult.SuccessRehashNeeded => await RehashAsync(account, password, cancellation),
            _ => null,
        };
    }

    public async Task EnsureAccountAsync(string username, string displayName, string password, IReadOnlyList<string> roles, CancellationToken cancellation)
    {
        var id = username.Trim().ToLowerInvariant();
        if (await session.LoadAsync<StaffAccount>(id, cancellation) is not null)
        {
            return;
        }

        var account = new StaffAccount(id, displayName, string.Empty, roles);
        session.Store(account with { PasswordHash = hasher.HashPassword(account, password) });
        await session.SaveChangesAsync(cancellation);
    }

    private async Task<StaffAccount> RehashAsync(StaffAccount account, string password, CancellationToken cancellation)
    {
        var rehashed = account with { PasswordHash = hasher.HashPassword(account, password) };
        session.Store(rehashed);
        await session.SaveChangesAsync(cancellation);
        return rehashed;
    }
}
