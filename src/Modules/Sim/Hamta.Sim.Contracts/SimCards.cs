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

/// <summary>«مدیریت سیم کارت ها»: every SIM registered under a national ID.</summary>
public sealed record FindSimCardsOf(string NationalId);
