using Hamta.Kernel.Security;

namespace Hamta.Sim.Kartable;

/// <summary>Wrong kartable passwords sent for one SIM; kept in the database so every node refuses a locked SIM.</summary>
public sealed record KartablePasswordTries(string Id, Lockout Lockout);
