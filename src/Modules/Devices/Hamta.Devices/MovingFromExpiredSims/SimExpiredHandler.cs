using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Notifications;
using Hamta.Sim.Contracts;
using Marten;
using Wolverine;

namespace Hamta.Devices.MovingFromExpiredSims;

/// <summary>
/// The devices an expired SIM owned move to its successor SIM of the same national ID, or are left without an owner;
/// the successor is told by SMS. A device left without an owner is a registration change enforcement reacts to at once
/// (a non-owner-SIM warning no longer holds for a device nobody owns). A redelivered message finds nothing left to move.
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

        if (expired.SuccessorSim is not { } successor)
        {
            return [.. moved.Select(d => new DeviceRegistrationChanged(d.Id, d.Imeis, "sim-expiry", expired.ExpiredAt))];
        }

        return moved.Count > 0
            ? [new SendSms(successor, DevicesTexts.DevicesMovedSms(MobileNumber.Mask(expired.Sim), moved.Select(d => DevicesTexts.DeviceLine(d.Brand, d.Model, d.Imeis[0]))), SmsKind.Notice)]
            : [];
    }

    public static OwnerSimExpired? Decide(SimExpired expired, Device device) =>
        device.OwnerSim == expired.Sim ? new OwnerSimExpired(device.Id, expired.Sim, expired.SuccessorSim, expired.ExpiredAt) : null;
}
