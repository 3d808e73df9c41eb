namespace Hamta.Devices.Contracts;

public enum DeviceState
{
    AwaitingActivation,
    Owned,
    Blocked,
}

public sealed record DeviceSummary(
    Guid Id, IReadOnlyList<string> Imeis, string Brand, string Model, DeviceState State, string? OwnerSim, DateTimeOffset? FirstSeenOnNetworkAt);

/// <summary>The devices definitively owned by any SIM of a national ID.</summary>
public sealed record FindDevicesOwnedBy(string NationalId);

/// <summary>«استعلام اصالت دستگاه»: what anyone may know about an IMEI.</summary>
public sealed record InquireImei(string Imei);

public sealed record ImeiInquiry(
    bool Registered, string? Brand = null, string? Model = null, string? Importer = null, ImportType? ImportType = null,
    bool SeenOnNetwork = false, bool Blocked = false);

/// <summary>«وضعیت شناسه دستگاه (IMEI)»: the status, and the last owner's number only when nobody owns it now.</summary>
public sealed record GetImeiStatus(string Imei);

public sealed record ImeiStatus(bool Registered, DeviceState? State = null, string? Brand = null, string? Model = null, string? LastOwnerSim = null);

/// <summary>«سوابق انتقال مالکیت»: transfers a national ID made or received.</summary>
public sealed record FindTransfers(string NationalId);

public sealed record TransferRecord(Guid Id, Guid DeviceId, IReadOnlyList<string> Imeis, string FromSim, string FromNationalId, string ToSim, string ToNationalId, DateTimeOffset TransferredAt);

/// <summary>The transfers a national ID's SIMs started that the buyer has not completed yet, expired ones included.</summary>
public sealed record FindPendingTransfers(string NationalId);

public sealed record PendingTransferRecord(
    Guid TransferId, Guid DeviceId, IReadOnlyList<string> Imeis, string Brand, string Model, string FromSim, string? BuyerSim,
    DateTimeOffset StartedAt, DateTimeOffset ExpiresAt, bool Expired);

/// <summary>«اطلاعات ثبت مسافری»: customs registrations of a traveller.</summary>
public sealed record FindTravellerRegistrations(string NationalId);

public enum TravellerRegistrationState
{
    AwaitingPayment,
    AwaitingActivation,
    Activated,
}

public sealed record TravellerRegistration(Guid DeviceId, IReadOnlyList<string> Imeis, string Brand, string Model, string Sim, DateTimeOffset RegisteredAt, TravellerRegistrationState State);
