using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.Login;

public static class GetLoginCodeStatusHandler
{
    /// <summary>What the code page tells: when the last code went, until when it works, and when a new one can be had.</summary>
    public static async Task<LoginCodeStatus> Handle(GetLoginCodeStatus query, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        StatusOf(await session.LoadAsync<LoginChallenge>(query.Mobile, cancellation), clock.GetUtcNow());

    public static LoginCodeStatus StatusOf(LoginChallenge? challenge, DateTimeOffset now) =>
        challenge is null
            ? new LoginCodeStatus(null, null, now, false)
            : new LoginCodeStatus(challenge.IssuedAt, challenge.ValidUntil(now), challenge.NextCodeAt(now), challenge.WindowExhausted(now));
}
