using Hamta.Devices.Registry;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Notifications;
using Hamta.Sim.Contracts;
using Marten;
using Wolverine;

namespace Hamta.Devices.Owning;

/// <summary>
/// The devices an expired SIM owned move to its successor SIM of the same national ID, or are left without an owner;
/// the successor is told by SMS. A redelivered message finds nothing left to move.
/// </summary>
public static class SimExpiredHandler
{
    public static async Task<OutgoingMessages> Handle(SimExpired expired, IDocumentSession session, CancellationToken cancellation)
    {
        var owned = await session.Query<Device>().Where(x => x.OwnerNationalId == expired.NationalId).ToListAsync(cancellation);
        var moved = new List<Device>();
        foreach (var device in owned.Where(x => x.OwnerSim == expired.Sim))
        {
            if (await DeviceStreams.ForDeviceAsync(session, device.Id, cancellation) is { } change && Decide(expired, change.Device) is { } move)
            {
                change.Append(move);
                moved.Add(change.Device);
            }
        }

        return expired.SuccessorSim is { } successor && moved.Count > 0
            ? [new SendSms(successor, DevicesTexts.DevicesMovedSms(MobileNumber.Mask(expired.Sim), moved.Select(d => DevicesTexts.DeviceLine(d.Brand, d.Model, d.Imeis[0]))), SmsKind.Notice)]
            : [];
    }

    public static OwnerSimExpired? Decide(SimExpired expired, Device device) =>
        device.OwnerSim == expired.Sim ? new OwnerSimExpired(device.Id, expired.Sim, expired.SuccessorSim, expired.ExpiredAt) : null;
}
