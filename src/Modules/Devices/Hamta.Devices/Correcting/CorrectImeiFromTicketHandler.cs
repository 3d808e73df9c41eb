using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using JasperFx.Events;
using Marten;

namespace Hamta.Devices.Correcting;

public static class CorrectImeiFromTicketHandler
{
    public static async Task<(IEventStream<Device>, ImeiClaim?)> LoadAsync(CorrectImeiFromTicket command, IDocumentSession session, CancellationToken cancellation) =>
        (await session.Events.FetchForWriting<Device>(command.DeviceId, cancellation), await session.LoadAsync<ImeiClaim>(command.CorrectImei, cancellation));

    public static ImeiCorrectionResult Handle(
        CorrectImeiFromTicket command, IEventStream<Device> stream, ImeiClaim? correctImeiClaim, IDocumentSession session, TimeProvider clock)
    {
        var outcome = Decide(command, stream.Aggregate, correctImeiClaim);
        if (outcome == ImeiCorrectionOutcome.Corrected && stream.Aggregate!.CorrectedByTickets?.Contains(command.TicketNumber) != true)
        {
            stream.AppendOne(new ImeiCorrected(command.DeviceId, command.WrongImei, command.CorrectImei, command.TicketNumber, command.Cause, clock.GetUtcNow()));
            session.Delete<ImeiClaim>(command.WrongImei);
            session.Insert(new ImeiClaim(command.CorrectImei, command.DeviceId));
        }

        return new ImeiCorrectionResult(command.TicketNumber, outcome);
    }

    /// <summary>Refuses when the device changed meanwhile; a correction already made for this ticket stands.</summary>
    public static ImeiCorrectionOutcome Decide(CorrectImeiFromTicket command, Device? device, ImeiClaim? correctImeiClaim) => device switch
    {
        null => ImeiCorrectionOutcome.UnknownDevice,
        _ when device.CorrectedByTickets?.Contains(command.TicketNumber) == true => ImeiCorrectionOutcome.Corrected,
        _ when device.OwnerNationalId != command.OwnerNationalId => ImeiCorrectionOutcome.OwnerChanged,
        _ when !device.Imeis.Contains(command.WrongImei) => ImeiCorrectionOutcome.WrongImeiGone,
        _ when correctImeiClaim is not null => ImeiCorrectionOutcome.CorrectImeiTaken,
        _ => ImeiCorrectionOutcome.Corrected,
    };
}
