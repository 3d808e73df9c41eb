using Hamta.Devices.Contracts;

namespace Hamta.Devices.Registry;

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
    int FailedActivations = 0,
    DateTimeOffset? LastFailedActivationAt = null,
    bool Blocked = false,
    DateTimeOffset? FirstSeenOnNetworkAt = null)
{
    public const int MaxFailedActivations = 5;
    public static readonly TimeSpan ActivationCooldown = TimeSpan.FromMinutes(15);

    public DeviceState State => Blocked ? DeviceState.Blocked : OwnerSim is null ? DeviceState.AwaitingActivation : DeviceState.Owned;

    public bool IsOwnedBy(string sim, string nationalId) => OwnerSim == sim && OwnerNationalId == nationalId;

    /// <summary>How long activation stays closed after too many wrong codes; zero when it is open.</summary>
    public TimeSpan ActivationLockLeft(DateTimeOffset now) =>
        FailedActivations >= MaxFailedActivations && LastFailedActivationAt is { } last && last + ActivationCooldown > now
            ? last + ActivationCooldown - now
            : TimeSpan.Zero;

    public static Device Create(DeviceDeclared e) =>
        new(e.DeviceId, e.Imeis, e.Brand, e.Model, e.ImportType, e.Importer, e.Traveller, e.DeclaredAt, TravellerFeePaid: e.Traveller?.FeePaid ?? false);

    public Device Apply(ActivationCodeIssued e) => this with { ActivationCodeHash = e.CodeHash };

    public Device Apply(ActivationCodeRejected e) => this with
    {
        FailedActivations = ActivationLockLeft(e.RejectedAt) == TimeSpan.Zero && FailedActivations >= MaxFailedActivations ? 1 : FailedActivations + 1,
        LastFailedActivationAt = e.RejectedAt,
    };

    public Device Apply(DeviceActivated e) => this with
    {
        OwnerSim = e.OwnerSim, OwnerNationalId = e.OwnerNationalId, ActivationCodeHash = null, FailedActivations = 0,
    };

    public Device Apply(TransferStarted e) => this with { ActivationCodeHash = e.CodeHash };

    public Device Apply(OwnershipTransferred e) => this with
    {
        OwnerSim = e.ToSim, OwnerNationalId = e.ToNationalId, LastOwnerSim = e.FromSim, ActivationCodeHash = null, FailedActivations = 0,
    };

    public Device Apply(TravellerFeePaid e) => this with { TravellerFeePaid = true };

    public Device Apply(ImeiReplacedAfterRepair e) => this with { Imeis = Imeis.Select(imei => imei == e.OldImei ? e.NewImei : imei).ToList() };

    public Device Apply(DeviceFirstSeenOnNetwork e) => this with { FirstSeenOnNetworkAt = e.SeenAt };
}
