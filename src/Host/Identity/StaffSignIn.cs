using Marten;
using Microsoft.AspNetCore.Identity;

namespace Hamta.Host.Identity;

/// <summary>Checks a staff username and password; creates, resets and disables accounts.</summary>
public sealed class StaffSignIn(IDocumentSession session, IPasswordHasher<StaffAccount> hasher, SignInSessions sessions)
{
    private static readonly StaffAccount Nobody = new("nobody", "nobody", string.Empty, []);
    private static readonly string NobodysHash = new PasswordHasher<StaffAccount>().HashPassword(Nobody, Guid.NewGuid().ToString());

    public async Task<StaffAccount?> CheckAsync(string username, string password, CancellationToken cancellation)
    {
        var account = await session.LoadAsync<StaffAccount>(StaffAccount.IdOf(username), cancellation);
        if (account is not { Disabled: false })
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash, password);
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
        var id = StaffAccount.IdOf(username);
        if (await session.LoadAsync<StaffAccount>(id, cancellation) is not null)
        {
            return;
        }

        var account = new StaffAccount(id, displayName, string.Empty, roles);
        session.Store(account with { PasswordHash = hasher.HashPassword(account, password) });
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>Creates an account or resets its password and roles; its open sessions end.</summary>
    public async Task SetAccountAsync(string username, string password, IReadOnlyList<string> roles, CancellationToken cancellation)
    {
        var id = StaffAccount.IdOf(username);
        var account = (await session.LoadAsync<StaffAccount>(id, cancellation) ?? new StaffAccount(id, username.Trim(), string.Empty, roles))
            with { Roles = roles, Disabled = false };
        session.Store(account with { PasswordHash = hasher.HashPassword(account, password) });
        await session.SaveChangesAsync(cancellation);
        await sessions.EndAllAsync(StaffPolicies.Scheme, id, cancellation);
    }

    /// <summary>Disables an account and ends its open sessions; false when there is no such account.</summary>
    public async Task<bool> DisableAsync(string username, CancellationToken cancellation)
    {
        if (await session.LoadAsync<StaffAccount>(StaffAccount.IdOf(username), cancellation) is not { } account)
        {
            return false;
        }

        session.Store(account with { Disabled = true });
        await session.SaveChangesAsync(cancellation);
        await sessions.EndAllAsync(StaffPolicies.Scheme, account.Id, cancellation);
        return true;
    }

    private async Task<StaffAccount> RehashAsync(StaffAccount account, string password, CancellationToken cancellation)
    {
        var rehashed = account with { PasswordHash = hasher.HashPassword(account, password) };
        session.Store(rehashed);
        await session.SaveChangesAsync(cancellation);
        return rehashed;
    }
}
