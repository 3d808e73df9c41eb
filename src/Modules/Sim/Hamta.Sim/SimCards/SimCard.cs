namespace Hamta.Sim.SimCards;

public sealed record SimCardRegistered(Guid SimCardId, string Number, string NationalId, string HolderName, string Operator, DateTimeOffset RegisteredAt);

/// <summary>The SIM expired; its devices went to <see cref="SuccessorSim"/> of the same national ID, or to nobody.</summary>
public sealed record SimCardExpired(Guid SimCardId, string Number, string NationalId, string? SuccessorSim, string By, DateTimeOffset ExpiredAt);

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

    public SimCard Apply(SimCardExpired e) => this with { Status = SimCardStatus.Expired };
}
