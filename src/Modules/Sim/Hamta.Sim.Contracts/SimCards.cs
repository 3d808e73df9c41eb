namespace Hamta.Sim.Contracts;

/// <summary>Registers a SIM card under a national ID (operators' provisioning; the demo seed).</summary>
public sealed record RegisterSimCard(string Number, string NationalId, string HolderName, string Operator);

public enum SimCardRegistration
{
    Registered,
    InvalidInput,
    AlreadyRegistered,
    NumberTakenByAnotherNationalId,
    TooManyActiveSims,
}

/// <summary>A SIM card as other modules may see it.</summary>
public sealed record SimCardInfo(string Number, string NationalId, string HolderName, string Operator, bool Active);

public sealed record FindSimCard(string Number);

/// <summary>Whether a SIM may act for a national ID: it is registered to that national ID and active. Answered with <see cref="SimOwnership"/>.</summary>
public sealed record CheckSimOwnership(string Number, string NationalId);

public enum SimOwnership
{
    Owner,
    UnknownSim,
    OtherNationalId,
    Expired,
}

/// <summary>«مدیریت سیم کارت ها»: every SIM registered under a national ID.</summary>
public sealed record FindSimCardsOf(string NationalId);

/// <summary>A SIM card expired: its operator says so (the operator API) or an agent does (<see cref="By"/>).</summary>
public sealed record ExpireSimCard(string Number, string By);

public enum SimExpiryOutcome
{
    Expired,
    UnknownSim,
    AlreadyExpired,
}

/// <summary>The SIM that takes over the expired SIM's devices, when the national ID has another active one.</summary>
public sealed record SimExpiryResult(SimExpiryOutcome Outcome, string? SuccessorSim = null);

/// <summary>
/// A SIM card expired (published by Sim): the devices it owned move to <see cref="SuccessorSim"/>, another active SIM
/// of the same national ID, or have no owner when there is none.
/// </summary>
public sealed record SimExpired(string Sim, string NationalId, string? SuccessorSim, DateTimeOffset ExpiredAt);
