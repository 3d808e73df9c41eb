using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Wolverine;

namespace Hamta.Devices.Declaring;

public static class RecordTravellerFeePaymentHandler
{
    public static Task<DeviceChange?> LoadAsync(RecordTravellerFeePayment command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static (DeviceChangeResult, OutgoingMessages) Handle(RecordTravellerFeePayment command, DeviceChange? stream, TimeProvider clock)
    {
        if (stream?.Device is not { Traveller: { } traveller } device)
        {
            return (new DeviceChangeResult(DeviceChangeOutcome.UnknownImei), []);
        }

        if (device.TravellerFeePaid)
        {
            return (new DeviceChangeResult(DeviceChangeOutcome.NothingToChange), []);
        }

        var now = clock.GetUtcNow();
        var (issued, sms) = DeclarationRules.CustomsCode(device.Id, device.Imeis[0], traveller.Sim, now);
        stream.Append(new TravellerFeePaid(device.Id, now), issued);
        return (new DeviceChangeResult(DeviceChangeOutcome.Done), [sms]);
    }
}
