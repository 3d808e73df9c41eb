using Hamta.Devices.Contracts;

namespace Hamta.Devices.Registry;

public sealed record DeviceDeclared(
    Guid DeviceId, IReadOnlyList<string> Imeis, string Brand, string Model, ImportType ImportType, string Importer,
    TravellerDeclaration? Traveller, DateTimeOffset DeclaredAt);

public enum ActivationCodeReason
{
    Box,
    Customs,
    Transfer,
}

/// <summary>A one-time activation code exists for the device; only its hash is kept.</summary>
public sealed record ActivationCodeIssued(Guid DeviceId, string CodeHash, ActivationCodeReason Reason, DateTimeOffset IssuedAt);

/// <summary>A SIM typed a wrong activation code; <see cref="LockedUntil"/> is set when this try locked that SIM out of the device.</summary>
public sealed record ActivationCodeRejected(Guid DeviceId, string Sim, DateTimeOffset RejectedAt, DateTimeOffset? LockedUntil = null);

public sealed record DeviceActivated(Guid DeviceId, string OwnerSim, string OwnerNationalId, DateTimeOffset ActivatedAt);

public sealed record TransferStarted(Guid DeviceId, string FromSim, string CodeHash, DateTimeOffset StartedAt);

public sealed record OwnershipTransferred(
    Guid DeviceId, IReadOnlyList<string> Imeis, string FromSim, string FromNationalId, string ToSim, string ToNationalId, DateTimeOffset TransferredAt);

public sealed record TravellerFeePaid(Guid DeviceId, DateTimeOffset PaidAt);

public sealed record ImeiReplacedAfterRepair(Guid DeviceId, string OldImei, string NewImei, string BySim, DateTimeOffset ReplacedAt);

public sealed record DeviceFirstSeenOnNetwork(Guid DeviceId, string Imei, DateTimeOffset SeenAt);

/// <summary>The registry's IMEI was wrong; a ticket proved the real one from network evidence.</summary>
public sealed record ImeiCorrected(Guid DeviceId, string WrongImei, string CorrectImei, long TicketNumber, string Cause, DateTimeOffset CorrectedAt);

public sealed record DeviceBlocked(Guid DeviceId, string Reason, string By, DateTimeOffset BlockedAt);

public sealed record DeviceUnblocked(Guid DeviceId, string By, DateTimeOffset UnblockedAt, string? Reason = null);
