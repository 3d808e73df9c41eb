using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using JasperFx.Events;
using Marten;
using Wolverine;

namespace Hamta.Devices.Declaring;

public static class RecordTravellerFeePaymentHandler
{
    public static Task<IEventStream<Device>?> LoadAsync(RecordTravellerFeePayment command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static (DeviceChangeResult, OutgoingMessages) Handle(RecordTravellerFeePayment command, IEventStream<Device>? stream, TimeProvider clock)
    {
        if (stream?.Aggregate is not { Traveller: { } traveller } device)
        {
            return (new DeviceChangeResult(DeviceChangeOutcome.UnknownImei), []);
        }

        if (device.TravellerFeePaid)
        {
            return (new DeviceChangeResult(DeviceChangeOutcome.NothingToChange), []);
        }

        var now = clock.GetUtcNow();
        var (issued, sms) = DeclarationRules.CustomsCode(device.Id, device.Imeis[0], traveller.Sim, now);
        stream.AppendMany(new TravellerFeePaid(device.Id, now), issued);
        return (new DeviceChangeResult(DeviceChangeOutcome.Done), [sms]);
    }
}
