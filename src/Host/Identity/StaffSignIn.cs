using Hamta.Kernel.Security;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hamta.Host.Identity;

/// <summary>Checks a staff username and password; creates, resets and disables accounts.</summary>
public sealed class StaffSignIn(
    IDocumentSession session, IPasswordHasher<StaffAccount> hasher, SignInSessions sessions, TimeProvider clock, IOptions<LockoutSettings> lockouts)
{
    private static readonly StaffAccount Nobody = new("nobody", "nobody", string.Empty, []);
    private static readonly string NobodysHash = new PasswordHasher<StaffAccount>().HashPassword(Nobody, Guid.NewGuid().ToString());

    /// <summary>
    /// Checks the password unless the username is locked; every answer costs one password hash, whether the
    /// account exists, the password is right or the name is locked, so neither time nor text tells them apart.
    /// </summary>
    public async Task<StaffSignInResult> CheckAsync(string username, string password, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var lockoutId = StaffLockout.IdOf(username);
        var lockout = (await session.LoadAsync<StaffLockout>(lockoutId, cancellation))?.Lockout ?? Lockout.None;
        var account = await session.LoadAsync<StaffAccount>(StaffAccount.IdOf(username), cancellation);
        if (lockout.LeftAt(now) is var left && left > TimeSpan.Zero)
        {
            VerifyNobody(password);
            return new StaffSignInResult(null, left);
        }

        var verified = account is { Disabled: false }
            ? hasher.VerifyHashedPassword(account, account.PasswordHash, password)
            : VerifyNobody(password);
        if (verified == PasswordVerificationResult.Failed || account is null)
        {
            var failed = lockout.Failed(lockouts.Value.StaffLogin, now);
            session.Store(new StaffLockout(lockoutId, failed));
            await session.SaveChangesAsync(cancellation);
            return new StaffSignInResult(null, failed.LeftAt(now));
        }

        if (lockout != Lockout.None)
        {
            session.Delete<StaffLockout>(lockoutId);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account = account with { PasswordHash = hasher.HashPassword(account, password) };
            session.Store(account);
        }

        await session.SaveChangesAsync(cancellation);
        return new StaffSignInResult(account, TimeSpan.Zero);
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

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellation) =>
        await session.Query<StaffAccount>().OrderBy(account => account.Id).ToListAsync(cancellation);

    /// <summary>A new account, refused when the name is taken or a rule is broken.</summary>
    public async Task<StaffAccountProblem> CreateAsync(
        string username, string displayName, string password, IReadOnlyList<string> roles, CancellationToken cancellation)
    {
        var problem = StaffAccountRules.UsernameProblem(username) is var bad and not StaffAccountProblem.None ? bad
            : string.IsNullOrWhiteSpace(displayName) ? StaffAccountProblem.DisplayNameMissing
            : roles.Count == 0 ? StaffAccountProblem.RoleMissing
            : StaffAccountRules.PasswordProblem(password);
        if (problem != StaffAccountProblem.None)
        {
            return problem;
        }

        if (await session.LoadAsync<StaffAccount>(StaffAccount.IdOf(username), cancellation) is not null)
        {
            return StaffAccountProblem.AlreadyExists;
        }

        var account = new StaffAccount(StaffAccount.IdOf(username), displayName.Trim(), string.Empty, roles);
        session.Store(account with { PasswordHash = hasher.HashPassword(account, password) });
        await session.SaveChangesAsync(cancellation);
        return StaffAccountProblem.None;
    }

    /// <summary>A new password for an account: its lock is cleared and its open sessions end.</summary>
    public async Task<StaffAccountProblem> ResetPasswordAsync(string username, string password, CancellationToken cancellation)
    {
        if (StaffAccountRules.PasswordProblem(password) is var problem and not StaffAccountProblem.None)
        {
            return problem;
        }

        if (await session.LoadAsync<StaffAccount>(StaffAccount.IdOf(username), cancellation) is not { } account)
        {
            return StaffAccountProblem.NoSuchAccount;
        }

        await SaveAndEndSessionsAsync(account with { PasswordHash = hasher.HashPassword(account, password) }, cancellation);
        return StaffAccountProblem.None;
    }

    /// <summary>
    /// The command line's <c>staff add</c>: creates an account or resets its password and roles and enables it;
    /// its lock is cleared and its open sessions end.
    /// </summary>
    public async Task<StaffAccountProblem> SetAccountAsync(string username, string password, IReadOnlyList<string> roles, CancellationToken cancellation)
    {
        var problem = StaffAccountRules.UsernameProblem(username) is var bad and not StaffAccountProblem.None ? bad
            : roles.Count == 0 ? StaffAccountProblem.RoleMissing
            : StaffAccountRules.PasswordProblem(password);
        if (problem != StaffAccountProblem.None)
        {
            return problem;
        }

        var id = StaffAccount.IdOf(username);
        var account = (await session.LoadAsync<StaffAccount>(id, cancellation) ?? new StaffAccount(id, username.Trim(), string.Empty, roles))
            with { Roles = roles, Disabled = false };
        await SaveAndEndSessionsAsync(account with { PasswordHash = hasher.HashPassword(account, password) }, cancellation);
        return StaffAccountProblem.None;
    }

    /// <summary>Disables an account and ends its open sessions; false when there is no such account.</summary>
    public Task<bool> DisableAsync(string username, CancellationToken cancellation) => SetDisabledAsync(username, true, cancellation);

    /// <summary>Lets a disabled account sign in again, with the password it had.</summary>
    public Task<bool> EnableAsync(string username, CancellationToken cancellation) => SetDisabledAsync(username, false, cancellation);

    private async Task<bool> SetDisabledAsync(string username, bool disabled, CancellationToken cancellation)
    {
        if (await session.LoadAsync<StaffAccount>(StaffAccount.IdOf(username), cancellation) is not { } account)
        {
            return false;
        }

        await SaveAndEndSessionsAsync(account with { Disabled = disabled }, cancellation);
        return true;
    }

    private async Task SaveAndEndSessionsAsync(StaffAccount account, CancellationToken cancellation)
    {
        session.Store(account);
        session.Delete<StaffLockout>(StaffLockout.IdOf(account.Id));
        await session.SaveChangesAsync(cancellation);
        await sessions.EndAllAsync(StaffPolicies.Scheme, account.Id, cancellation);
    }

    /// <summary>Spends the time of a real check on a hash nobody's password matches.</summary>
    private PasswordVerificationResult VerifyNobody(string password)
    {
        hasher.VerifyHashedPassword(Nobody, NobodysHash, password);
        return PasswordVerificationResult.Failed;
    }
}
