using Hamta.Kernel.Notifications;
using Hamta.Tickets.Attachments;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using JasperFx.Events;
using Marten;
using Wolverine;

namespace Hamta.Tickets.Acting;

public static class ActOnTicketHandler
{
    public static async Task<IEventStream<Ticket>?> LoadAsync(ActOnTicket command, IDocumentSession session, CancellationToken cancellation)
    {
        var ticket = await session.Query<Ticket>().FirstOrDefaultAsync(x => x.Number == command.Number, cancellation);
        return ticket is null ? null : await session.Events.FetchForWriting<Ticket>(ticket.Id, cancellation);
    }

    public static (TicketActionResult, OutgoingMessages) Handle(ActOnTicket command, IEventStream<Ticket>? stream, IDocumentSession session, TimeProvider clock)
    {
        var ticket = stream?.Aggregate;
        if (ticket is null || (command.SubscriberNationalId is { } nationalId && ticket.SubscriberNationalId != nationalId))
        {
            return (new TicketActionResult(TicketActionOutcome.NotFound), []);
        }

        if (stream!.CurrentVersion != command.ExpectedVersion)
        {
            return (new TicketActionResult(TicketActionOutcome.ChangedMeanwhile), []);
        }

        var (files, refusal) = AttachmentRules.Check(command.Attachments);
        if (refusal is not null)
        {
            return (new TicketActionResult(TicketActionOutcome.AttachmentsRefused, refusal), []);
        }

        var now = clock.GetUtcNow();
        var (outcome, change) = TicketDecisions.Decide(ticket, command, now);
        if (files.Count > 0 && change is not SubscriberReplied)
        {
            return (new TicketActionResult(change is null ? outcome : TicketActionOutcome.NotAllowed), []);
        }

        if (change is null)
        {
            return (new TicketActionResult(outcome), []);
        }

        if (change is SubscriberReplied reply && files.Count > 0)
        {
            change = reply with { Attachments = TicketAttachments.Store(session, ticket.Id, files, now) };
        }

        stream.AppendOne(change);
        if (change is ImeiCorrectionRequested correction)
        {
            return (new TicketActionResult(outcome), [Corrections.Ask(ticket, correction, $"ticket {ticket.Number}: resolved by agent {command.Actor.Name}")]);
        }

        return (new TicketActionResult(outcome),
            TicketsTexts.After(command.Action, ticket.Number) is { } text ? [new SendSms(ticket.SubscriberSim, text, SmsKind.Notice)] : []);
    }
}
