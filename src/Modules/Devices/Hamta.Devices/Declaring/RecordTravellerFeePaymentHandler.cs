using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Marten;
using Wolverine;

namespace Hamta.Devices.Declaring;

public static class RecordTravellerFeePaymentHandler
{
    public static Task<DeviceChange?> LoadAsync(RecordTravellerFeePayment command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static (DeviceChangeResult, OutgoingMessages) Handle(RecordTravellerFeePayment command, DeviceChange? stream, TimeProvider clock)
    {
        var (result, events, sms) = Decide(stream?.Device, clock.GetUtcNow());
        stream?.Append(events);
        return (result, sms is null ? [] : [sms]);
    }

    /// <summary>A traveller's device whose fee is paid gets its activation code, sent to the SIM named at customs; a payment recorded twice counts once.</summary>
    public static (DeviceChangeResult, IReadOnlyList<object>, SendSms?) Decide(Device? device, DateTimeOffset now)
    {
        if (device is not { Traveller: { } traveller })
        {
            return (new DeviceChangeResult(DeviceChangeOutcome.UnknownImei), [], null);
        }

        if (device.TravellerFeePaid)
        {
            return (new DeviceChangeResult(DeviceChangeOutcome.NothingToChange), [], null);
        }

        var (issued, sms) = DeclarationRules.CustomsCode(device.Id, device.Imeis[0], traveller.Sim, now);
        return (new DeviceChangeResult(DeviceChangeOutcome.Done), [new TravellerFeePaid(device.Id, now), issued], sms);
    }
}
