using Hamta.Devices.Contracts;
using Hamta.Kernel.Security;

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
    IReadOnlyDictionary<string, Lockout>? ActivationLockoutsBySim = null,
    IReadOnlyList<DateTimeOffset>? RecentActivationRejections = null,
    bool Blocked = false,
    DateTimeOffset? FirstSeenOnNetworkAt = null,
    IReadOnlyList<long>? CorrectedByTickets = null,
    PendingTransfer? Transfer = null,
    CancelledTransfer? LastCancelledTransfer = null)
{
    /// <summary>The window of <see cref="LockoutSettings.ActivationWrongCodesPerDevicePerHour"/>.</summary>
    public static readonly TimeSpan ActivationCeilingWindow = TimeSpan.FromHours(1);

    public DeviceState State => Blocked ? DeviceState.Blocked : OwnerSim is null ? DeviceState.AwaitingActivation : DeviceState.Owned;

    public bool IsOwnedBy(string sim, string nationalId) => OwnerSim == sim && OwnerNationalId == nationalId;

    /// <summary>
    /// How long activation stays closed for this SIM after its wrong codes; zero when it is open.
    /// Counted per SIM, so nobody can lock a device for its rightful buyer.
    /// </summary>
    public TimeSpan ActivationLockLeft(string sim, DateTimeOffset now) =>
        ActivationLockoutsBySim?.GetValueOrDefault(sim)?.LeftAt(now) ?? TimeSpan.Zero;

    public Lockout ActivationLockoutOf(string sim) => ActivationLockoutsBySim?.GetValueOrDefault(sim) ?? Lockout.None;

    /// <summary>
    /// How long activation stays closed for every SIM because the device took <paramref name="ceiling"/> wrong codes
    /// within the last hour from all SIMs together; zero when it is open.
    /// </summary>
    public TimeSpan DeviceActivationLockLeft(int ceiling, DateTimeOffset now)
    {
        var recent = RecentActivationRejections?.Where(at => at + ActivationCeilingWindow > now).ToList() ?? [];
        return recent.Count >= ceiling ? recent[^ceiling] + ActivationCeilingWindow - now : TimeSpan.Zero;
    }

    /// <summary>A traveller's device can be activated only once the customs fee is paid.</summary>
    public bool AwaitsCustomsFee => Traveller is not null && !TravellerFeePaid;

    public static Device Create(DeviceDeclared e) =>
        new(e.DeviceId, e.Imeis, e.Brand, e.Model, e.ImportType, e.Importer, e.Traveller, e.DeclaredAt, TravellerFeePaid: e.Traveller?.FeePaid ?? false);

    public Device Apply(ActivationCodeIssued e) => this with { ActivationCodeHash = e.CodeHash };

    public Device Apply(ActivationCodeRejected e)
    {
        var lockouts = new Dictionary<string, Lockout>(ActivationLockoutsBySim ?? new Dictionary<string, Lockout>())
        {
            [e.Sim] = ActivationLockoutOf(e.Sim).WithFailure(e.LockedUntil),
        };
        IReadOnlyList<DateTimeOffset> recent = [.. (RecentActivationRejections ?? []).Where(at => at + ActivationCeilingWindow > e.RejectedAt), e.RejectedAt];
        return this with { ActivationLockoutsBySim = lockouts, RecentActivationRejections = recent };
    }

    public Device Apply(DeviceActivated e) => this with
    {
        OwnerSim = e.OwnerSim, OwnerNationalId = e.OwnerNationalId, ActivationCodeHash = null, ActivationLockoutsBySim = null, RecentActivationRejections = null,
    };

    /// <summary>The code that activates the device now: none once a transfer's code has expired.</summary>
    public string? ActivationCodeHashAt(DateTimeOffset now) => Transfer is { } pending && pending.HasExpired(now) ? null : ActivationCodeHash;

    public Device Apply(TransferStarted e) => this with
    {
        ActivationCodeHash = e.CodeHash, Transfer = new PendingTransfer(e.TransferId, e.FromSim, e.BuyerSim, e.StartedAt, e.ExpiresAt),
    };

    public Device Apply(TransferCancelled e) => this with
    {
        ActivationCodeHash = null, Transfer = null, LastCancelledTransfer = new CancelledTransfer(e.TransferId, ActivationCodeHash!, e.End),
    };

    public Device Apply(OwnershipTransferred e) => this with
    {
        OwnerSim = e.ToSim, OwnerNationalId = e.ToNationalId, LastOwnerSim = e.FromSim, ActivationCodeHash = null, ActivationLockoutsBySim = null, RecentActivationRejections = null,
        Transfer = null, LastCancelledTransfer = null,
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

/// <summary>A transfer the owner started and the buyer has not completed; its code works until <see cref="ExpiresAt"/>.</summary>
public sealed record PendingTransfer(Guid Id, string FromSim, string? BuyerSim, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt)
{
    public bool HasExpired(DateTimeOffset now) => now >= ExpiresAt;
}

/// <summary>The last transfer that ended without the buyer, kept so that its code is refused with the reason.</summary>
public sealed record CancelledTransfer(Guid Id, string CodeHash, TransferEnd End);
