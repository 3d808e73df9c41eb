using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Reads;
using Marten;

namespace Hamta.Devices.Queries;

/// <summary>What the portal may read from the registry; answers are contract records, never the module's documents.</summary>
public static class DeviceQueryHandler
{
    public static async Task<IReadOnlyList<DeviceSummary>> Handle(FindDevicesOwnedBy query, IQuerySession session, CancellationToken cancellation)
    {
        var devices = await session.Query<Device>().Where(x => x.OwnerNationalId == query.NationalId).ToListAsync(cancellation);
        return devices.OrderBy(x => x.DeclaredAt).Select(Summary).ToList();
    }

    public static async Task<ImeiInquiry> Handle(InquireImei query, IStandbyReads standby, CancellationToken cancellation)
    {
        await using var session = standby.QuerySession();
        return await DeviceStreams.ByImeiAsync(session, query.Imei, cancellation) is { } device
            ? new ImeiInquiry(true, device.Brand, device.Model, device.Importer, device.ImportType, device.FirstSeenOnNetworkAt is not null, device.Blocked)
            : new ImeiInquiry(false);
    }

    public static async Task<ImeiStatus> Handle(GetImeiStatus query, IQuerySession session, CancellationToken cancellation) =>
        await DeviceStreams.ByImeiAsync(session, query.Imei, cancellation) is { } device
            ? new ImeiStatus(true, device.State, device.Brand, device.Model, device.OwnerSim is null ? device.LastOwnerSim : null)
            : new ImeiStatus(false);

    public static async Task<IReadOnlyList<TransferRecord>> Handle(FindTransfers query, IQuerySession session, CancellationToken cancellation) =>
        await session.Query<TransferRecord>()
            .Where(x => x.FromNationalId == query.NationalId || x.ToNationalId == query.NationalId)
            .OrderByDescending(x => x.TransferredAt)
            .ToListAsync(cancellation);

    /// <summary>A pending transfer lives on its device, which the national ID still owns, so the owners' index finds it.</summary>
    public static async Task<IReadOnlyList<PendingTransferRecord>> Handle(FindPendingTransfers query, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var devices = await session.Query<Device>().Where(x => x.OwnerNationalId == query.NationalId && x.Transfer != null).ToListAsync(cancellation);
        return devices
            .Select(device => (Device: device, Transfer: device.Transfer!))
            .OrderByDescending(x => x.Transfer.StartedAt)
            .Select(x => new PendingTransferRecord(
                x.Transfer.Id, x.Device.Id, x.Device.Imeis, x.Device.Brand, x.Device.Model, x.Transfer.FromSim, x.Transfer.BuyerSim,
                x.Transfer.StartedAt, x.Transfer.ExpiresAt, x.Transfer.HasExpired(now)))
            .ToList();
    }

    public static async Task<IReadOnlyList<TravellerRegistration>> Handle(FindTravellerRegistrations query, IQuerySession session, CancellationToken cancellation)
    {
        var registrations = await Registrations.ByTravellerAsync(session, query.NationalId, cancellation);
        var changed = (await session.LoadManyAsync<Device>(cancellation, registrations.Select(r => r.DeviceId))).ToDictionary(device => device.Id);
        var devices = registrations.Select(registration => changed.GetValueOrDefault(registration.DeviceId) ?? registration.ToDevice());
        return devices.OrderByDescending(x => x.DeclaredAt).Select(device => new TravellerRegistration(
                device.Id, device.Imeis, device.Brand, device.Model, device.Traveller!.Sim, device.Traveller.RegisteredAt,
                device.OwnerSim is not null ? TravellerRegistrationState.Activated
                : device.TravellerFeePaid ? TravellerRegistrationState.AwaitingActivation
                : TravellerRegistrationState.AwaitingPayment))
            .ToList();
    }

    private static DeviceSummary Summary(Device device) =>
        new(device.Id, device.Imeis, device.Brand, device.Model, device.State, device.OwnerSim, device.FirstSeenOnNetworkAt);
}
