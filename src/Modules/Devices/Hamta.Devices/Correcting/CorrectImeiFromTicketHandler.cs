using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Wolverine;

namespace Hamta.Devices.Correcting;

public static class CorrectImeiFromTicketHandler
{
    public static async Task<(DeviceChange?, Guid?)> LoadAsync(CorrectImeiFromTicket command, IDocumentSession session, CancellationToken cancellation) =>
        (await DeviceStreams.ForDeviceAsync(session, command.DeviceId, cancellation), await Registrations.HolderAsync(session, command.CorrectImei, cancellation));

    public static (ImeiCorrectionResult, OutgoingMessages) Handle(
        CorrectImeiFromTicket command, DeviceChange? stream, Guid? correctImeiHolder, IDocumentSession session, TimeProvider clock)
    {
        var outcome = Decide(command, stream?.Device, correctImeiHolder);
        var messages = new OutgoingMessages();
        if (outcome == ImeiCorrectionOutcome.Corrected && stream!.Device.CorrectedByTickets?.Contains(command.TicketNumber) != true)
        {
            var now = clock.GetUtcNow();
            stream.Append(new ImeiCorrected(command.DeviceId, command.WrongImei, command.CorrectImei, command.TicketNumber, command.Cause, now));
            Registrations.Release(session, command.WrongImei, command.DeviceId, now);
            Registrations.Claim(session, command.CorrectImei, command.DeviceId);
            messages.Add(new DeviceRegistrationChanged(command.DeviceId, [command.WrongImei, command.CorrectImei], "correction", now));
        }

        return (new ImeiCorrectionResult(command.TicketNumber, outcome), messages);
    }

    /// <summary>Refuses when the device changed meanwhile; a correction already made for this ticket stands.</summary>
    public static ImeiCorrectionOutcome Decide(CorrectImeiFromTicket command, Device? device, Guid? correctImeiHolder) => device switch
    {
        null => ImeiCorrectionOutcome.UnknownDevice,
        _ when device.CorrectedByTickets?.Contains(command.TicketNumber) == true => ImeiCorrectionOutcome.Corrected,
        _ when device.OwnerNationalId != command.OwnerNationalId => ImeiCorrectionOutcome.OwnerChanged,
        _ when !device.Imeis.Contains(command.WrongImei) => ImeiCorrectionOutcome.WrongImeiGone,
        _ when correctImeiHolder is not null => ImeiCorrectionOutcome.CorrectImeiTaken,
        _ => ImeiCorrectionOutcome.Corrected,
    };
}
