using Hamta.Kernel.Notifications;
using Hamta.Sim.Contracts;
using Hamta.Tickets.Attachments;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Opening;

public static class OpenTicketHandler
{
    public static async Task<Ticket?> LoadAsync(OpenTicket command, IQuerySession session, CancellationToken cancellation) =>
        command.Device is { } device
            ? await session.Query<Ticket>().FirstOrDefaultAsync(
                x => x.DeviceId == device.DeviceId && x.Subject == command.Subject
                    && x.Status != TicketStatus.Resolved && x.Status != TicketStatus.Rejected && x.Status != TicketStatus.Closed,
                cancellation)
            : null;

    public static async Task<(OpenTicketResult, OutgoingMessages)> Handle(
        OpenTicket command, Ticket? openTicketForDevice, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (OpenTicketValidation.Refusal(command) is { } refused)
        {
            return (new OpenTicketResult(refused, 0), []);
        }

        var sameForm = command.FormKey is { } key ? await session.LoadAsync<Ticket>(key, cancellation) : null;
        if (sameForm is not null && sameForm.SubscriberNationalId == command.SubscriberNationalId)
        {
            return (new OpenTicketResult(OpenTicketOutcome.Opened, sameForm.Number), []);
        }

        if (openTicketForDevice is not null)
        {
            return (new OpenTicketResult(OpenTicketOutcome.DuplicateOpenTicket, openTicketForDevice.Number), []);
        }

        var (files, refusal) = AttachmentRules.Check(command.Attachments);
        if (refusal is not null)
        {
            return (new OpenTicketResult(OpenTicketOutcome.AttachmentsRefused, 0, refusal), []);
        }

        var number = await TicketNumbers.NextAsync(session, cancellation);
        var now = clock.GetUtcNow();
        var status = command.Subject == TicketSubject.ImeiMismatch ? TicketStatus.AwaitingNetworkEvidence : TicketStatus.Submitted;
        // A key someone else's ticket already carries (replayed by hand) opens an ordinary ticket of its own.
        var id = sameForm is null && command.FormKey is { } formKey ? formKey : Guid.CreateVersion7();
        var attachments = TicketAttachments.Store(session, id, files, now);
        session.Events.StartStream<Ticket>(id, new TicketOpened(
            id, number, command.Subject, command.SubscriberSim, command.SubscriberNationalId, command.Device, command.CorrectImeis,
            command.Fields, command.Description.Trim(), status, now, attachments.Count > 0 ? attachments : null));
        var awaitingEvidence = status == TicketStatus.AwaitingNetworkEvidence;
        OutgoingMessages outgoing = [new SendSms(command.SubscriberSim, TicketsTexts.Opened(number, awaitingEvidence), SmsKind.Notice)];
        if (awaitingEvidence)
        {
            // Sightings from before the ticket count too.
            outgoing.Add(new FindNetworkEvidence([new EvidenceRequest(id, command.CorrectImeis, command.SubscriberSim, command.SubscriberNationalId)]));
        }

        return (new OpenTicketResult(OpenTicketOutcome.Opened, number), outgoing);
    }
}
