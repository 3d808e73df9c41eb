namespace Hamta.Sim.SimCards;

public sealed record SimCardRegistered(Guid SimCardId, string Number, string NationalId, string HolderName, string Operator, DateTimeOffset RegisteredAt);

public enum SimCardStatus
{
    Active,
    Expired,
}

/// <summary>A SIM card: its canonical number and the national ID that owns it.</summary>
public sealed record SimCard(Guid Id, string Number, string NationalId, string HolderName, string Operator, SimCardStatus Status)
{
    public static SimCard Create(SimCardRegistered e) =>
        new(e.SimCardId, e.Number, e.NationalId, e.HolderName, e.Operator, SimCardStatus.Active);
}
