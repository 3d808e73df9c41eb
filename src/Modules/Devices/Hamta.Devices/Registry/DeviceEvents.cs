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

/// <summary>
/// «افزودن دستگاه»: the subscriber of <see cref="OwnerSim"/> owns the device because the network saw it with that SIM at
/// <see cref="FirstSeenWithSim"/>, before its brand joined the registry at <see cref="BrandJoinedAt"/>.
/// </summary>
public sealed record DeviceClaimedBeforeRegistry(
    Guid DeviceId, string OwnerSim, string OwnerNationalId, DateTimeOffset FirstSeenWithSim, DateTimeOffset BrandJoinedAt, DateTimeOffset ClaimedAt);

/// <summary>
/// The owner asked for a transfer code: it works until <see cref="ExpiresAt"/>. <see cref="BuyerSim"/> is the buyer's
/// number when the owner gave it, so that the buyer is told too.
/// </summary>
public sealed record TransferStarted(Guid DeviceId, string FromSim, string CodeHash, DateTimeOffset StartedAt, Guid TransferId, DateTimeOffset ExpiresAt, string? BuyerSim);

public enum TransferEnd
{
    /// <summary>The owner cancelled it.</summary>
    Cancelled,

    /// <summary>The owner asked for a new code, which replaced this one.</summary>
    Replaced,
}

/// <summary>A pending transfer ended without the buyer: its code no longer works.</summary>
public sealed record TransferCancelled(Guid DeviceId, Guid TransferId, string FromSim, TransferEnd End, DateTimeOffset CancelledAt);

public sealed record OwnershipTransferred(
    Guid DeviceId, IReadOnlyList<string> Imeis, string FromSim, string FromNationalId, string ToSim, string ToNationalId, DateTimeOffset TransferredAt);

public sealed record TravellerFeePaid(Guid DeviceId, DateTimeOffset PaidAt);

public sealed record ImeiReplacedAfterRepair(Guid DeviceId, string OldImei, string NewImei, string BySim, DateTimeOffset ReplacedAt);

public sealed record DeviceFirstSeenOnNetwork(Guid DeviceId, string Imei, DateTimeOffset SeenAt);

/// <summary>The registry's IMEI was wrong; a ticket proved the real one from network evidence.</summary>
public sealed record ImeiCorrected(Guid DeviceId, string WrongImei, string CorrectImei, long TicketNumber, string Cause, DateTimeOffset CorrectedAt);

public sealed record DeviceBlocked(Guid DeviceId, string Reason, string By, DateTimeOffset BlockedAt);

public sealed record DeviceUnblocked(Guid DeviceId, string By, DateTimeOffset UnblockedAt, string? Reason = null);

/// <summary>The owner reported the device lost or stolen; <see cref="CaseNumber"/> names the case until it is found.</summary>
public sealed record DeviceLossReported(
    Guid DeviceId, string CaseNumber, IReadOnlyList<string> Imeis, LossKind Kind, DateOnly LostOn, string Place, string? PoliceReportNumber,
    string ReporterSim, string ReporterNationalId, DateTimeOffset ReportedAt);

/// <summary>The device of the case was found, said by its owner or by an agent (<see cref="By"/>).</summary>
public sealed record LostDeviceFound(Guid DeviceId, string CaseNumber, string By, DateTimeOffset FoundAt);

/// <summary>The SIM that owned the device expired: the device moved to <see cref="SuccessorSim"/> of the same national ID, or has no owner.</summary>
public sealed record OwnerSimExpired(Guid DeviceId, string ExpiredSim, string? SuccessorSim, DateTimeOffset ExpiredAt);
