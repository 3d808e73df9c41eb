using Hamta.Kernel.Notifications;
using Hamta.Tickets.Attachments;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Correcting;
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
        var now = clock.GetUtcNow();
        var (files, refusal) = AttachmentRules.Check(command.Attachments);
        var (result, change, messages) = Decide(command, stream?.Aggregate, stream?.CurrentVersion, files.Count > 0, refusal, now);
        if (change is SubscriberReplied reply && files.Count > 0)
        {
            change = reply with { Attachments = TicketAttachments.Store(session, reply.TicketId, files, now) };
        }

        if (change is not null)
        {
            stream!.AppendOne(change);
        }

        return (result, messages);
    }

    /// <summary>
    /// The action on the ticket as fetched for writing, at the version the actor saw: the event it records and what is
    /// sent after it (the registry's correction, or the subscriber's SMS). Files come only with a subscriber's answer.
    /// </summary>
    public static (TicketActionResult, object?, OutgoingMessages) Decide(
        ActOnTicket command, Ticket? ticket, long? version, bool withFiles, AttachmentRefusal? refusal, DateTimeOffset now)
    {
        if (ticket is null || (command.SubscriberNationalId is { } nationalId && ticket.SubscriberNationalId != nationalId))
        {
            return (new TicketActionResult(TicketActionOutcome.NotFound), null, []);
        }

        if (version != command.ExpectedVersion)
        {
            return (new TicketActionResult(TicketActionOutcome.ChangedMeanwhile), null, []);
        }

        if (refusal is not null)
        {
            return (new TicketActionResult(TicketActionOutcome.AttachmentsRefused, refusal), null, []);
        }

        var (outcome, change) = TicketDecisions.Decide(ticket, command, now);
        if (change is null || (withFiles && change is not SubscriberReplied))
        {
            return (new TicketActionResult(change is null ? outcome : TicketActionOutcome.NotAllowed), null, []);
        }

        if (change is ImeiCorrectionRequested correction)
        {
            return (new TicketActionResult(outcome), change, [Corrections.Ask(ticket, correction, $"ticket {ticket.Number}: resolved by agent {command.Actor.Name}")]);
        }

        return (new TicketActionResult(outcome), change,
            TicketsTexts.After(command.Action, ticket.Number) is { } text ? [new SendSms(ticket.SubscriberSim, text, SmsKind.Notice)] : []);
    }
}
