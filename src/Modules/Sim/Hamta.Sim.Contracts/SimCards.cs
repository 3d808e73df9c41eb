namespace Hamta.Sim.Contracts;

/// <summary>Registers a SIM card under a national ID (operators' provisioning; the demo seed).</summary>
public sealed record RegisterSimCard(string Number, string NationalId, string HolderName, string Operator);

public enum SimCardRegistration
{
    Registered,
    InvalidInput,
    AlreadyRegistered,
    NumberTakenByAnotherNationalId,
}
