using Hamta.Devices.Contracts;

namespace Hamta.Devices.Registry;

/// <summary>Wrong activation codes one SIM typed for a device, and when the last one came.</summary>
public sealed record ActivationFailures(int Count, DateTimeOffset LastAt);

/// <summary>A registered device as its events made it; holds what the registry's decisions need.</summary>
public sealed record Device(
    Guid Id,
    IReadOnlyList<string> Imeis,
    string Brand,
    string Model,
    ImportType ImportType,
    string Importer,
    TravellerDeclaration? Traveller,
    DateTimeOffset DeclaredAt,
    string? OwnerSim = null,
    string? OwnerNationalId = null,
    string? LastOwnerSim = null,
    string? ActivationCodeHash = null,
    bool TravellerFeePaid = false,
    IReadOnlyDictionary<string, ActivationFailures>? ActivationFailuresBySim = null,
    bool Blocked = false,
    DateTimeOffset? FirstSeenOnNetworkAt = null,
    IReadOnlyList<long>? CorrectedByTickets = null)
{
    public const int MaxFailedActivations = 5;
    public static readonly TimeSpan ActivationCooldown = TimeSpan.FromMinutes(15);

    public DeviceState State => Blocked ? DeviceState.Blocked : OwnerSim is null ? DeviceState.AwaitingActivation : DeviceState.Owned;

    public bool IsOwnedBy(string sim, string nationalId) => OwnerSim == sim && OwnerNationalId == nationalId;

    /// <summary>
    /// How long activation stays closed for this SIM after its wrong codes; zero when it is open.
    /// Counted per SIM, so nobody can lock a device for its rightful buyer.
    /// </summary>
    public TimeSpan ActivationLockLeft(string sim, DateTimeOffset now) =>
        ActivationFailuresBySim?.GetValueOrDefault(sim) is { Count: >= MaxFailedActivations } failures && failures.LastAt + ActivationCooldown > now
            ? failures.LastAt + ActivationCooldown - now
            : TimeSpan.Zero;

    /// <summary>A traveller's device can be activated only once the customs fee is paid.</summary>
    public bool AwaitsCustomsFee => Traveller is not null && !TravellerFeePaid;

    public static Device Create(DeviceDeclared e) =>
        new(e.DeviceId, e.Imeis, e.Brand, e.Model, e.ImportType, e.Importer, e.Traveller, e.DeclaredAt, TravellerFeePaid: e.Traveller?.FeePaid ?? false);

    public Device Apply(ActivationCodeIssued e) => this with { ActivationCodeHash = e.CodeHash };

    public Device Apply(ActivationCodeRejected e)
    {
        var previous = ActivationFailuresBySim?.GetValueOrDefault(e.Sim);
        var count = previous is { Count: >= MaxFailedActivations } && ActivationLockLeft(e.Sim, e.RejectedAt) == TimeSpan.Zero ? 1 : (previous?.Count ?? 0) + 1;
        var failures = new Dictionary<string, ActivationFailures>(ActivationFailuresBySim ?? new Dictionary<string, ActivationFailures>())
        {
            [e.Sim] = new ActivationFailures(count, e.RejectedAt),
        };
        return this with { ActivationFailuresBySim = failures };
    }

    public Device Apply(DeviceActivated e) => this with
    {
        OwnerSim = e.OwnerSim, OwnerNationalId = e.OwnerNationalId, ActivationCodeHash = null, ActivationFailuresBySim = null,
    };

    public Device Apply(TransferStarted e) => this with { ActivationCodeHash = e.CodeHash };

    public Device Apply(OwnershipTransferred e) => this with
    {
        OwnerSim = e.ToSim, OwnerNationalId = e.ToNationalId, LastOwnerSim = e.FromSim, ActivationCodeHash = null, ActivationFailuresBySim = null,
    };

    public Device Apply(TravellerFeePaid e) => this with { TravellerFeePaid = true };

    public Device Apply(DeviceBlocked e) => this with { Blocked = true };

    public Device Apply(DeviceUnblocked e) => this with { Blocked = false };

    public Device Apply(ImeiReplacedAfterRepair e) => this with { Imeis = Imeis.Select(imei => imei == e.OldImei ? e.NewImei : imei).ToList() };

    public Device Apply(ImeiCorrected e) => this with
    {
        Imeis = Imeis.Select(imei => imei == e.WrongImei ? e.CorrectImei : imei).ToList(),
        CorrectedByTickets = [.. CorrectedByTickets ?? [], e.TicketNumber],
    };

    public Device Apply(DeviceFirstSeenOnNetwork e) => this with { FirstSeenOnNetworkAt = e.SeenAt };
}
