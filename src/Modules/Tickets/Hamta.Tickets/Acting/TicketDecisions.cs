using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>What an action on a ticket does, decided from the ticket and the time alone.</summary>
public static class TicketDecisions
{
    public static (TicketActionOutcome, object?) Decide(Ticket ticket, ActOnTicket command, DateTimeOffset now)
    {
        var actor = command.Actor;
        var text = command.Text?.Trim();
        var bySubscriber = actor.Kind == TicketActorKind.Subscriber;
        if (bySubscriber != (command.Action is TicketAction.SubscriberReply or TicketAction.Close or TicketAction.Reopen))
        {
            return (TicketActionOutcome.NotAllowed, null);
        }

        if (NeedsText(command.Action) && string.IsNullOrEmpty(text))
        {
            return (TicketActionOutcome.TextRequired, null);
        }

        if (text?.Length > TicketLimits.MaxText)
        {
            return (TicketActionOutcome.TextTooLong, null);
        }

        var id = ticket.Id;
        return command.Action switch
        {
            TicketAction.Reopen when ticket.Status != TicketStatus.Resolved => (TicketActionOutcome.NotAllowed, null),
            TicketAction.Reopen when !ticket.ReopenableAt(now) => (TicketActionOutcome.ReopenWindowPassed, null),
            TicketAction.Reopen => (TicketActionOutcome.Done, new TicketReopened(id, actor, now)),
            TicketAction.Close when ticket.Status == TicketStatus.Closed => (TicketActionOutcome.NotAllowed, null),
            TicketAction.Close => (TicketActionOutcome.Done, new TicketClosed(id, actor, now)),
            _ when !ticket.IsOpen => (TicketActionOutcome.NotAllowed, null),
            TicketAction.SubscriberReply => (TicketActionOutcome.Done, new SubscriberReplied(id, actor, text!, now)),
            TicketAction.Assign when ticket.AssignedAgent == actor.Name => (TicketActionOutcome.NotAllowed, null),
            TicketAction.Assign => (TicketActionOutcome.Done, new TicketAssigned(id, actor, now)),
            TicketAction.Reply => (TicketActionOutcome.Done, new AgentReplied(id, actor, text!, now)),
            TicketAction.InternalNote => (TicketActionOutcome.Done, new InternalNoteAdded(id, actor, text!, now)),
            TicketAction.RequestInformation => (TicketActionOutcome.Done, new InformationRequested(id, actor, text!, now)),
            TicketAction.Resolve or TicketAction.Reject when ticket.CorrectionPending => (TicketActionOutcome.NotAllowed, null),
            TicketAction.Resolve when ticket.NeedsImeiCorrection => (TicketActionOutcome.CorrectionRequested,
                new ImeiCorrectionRequested(id, ticket.Device!.RegisteredImeis[1], ticket.CorrectImeis[1], actor, now, text)),
            TicketAction.Resolve => (TicketActionOutcome.Done, new TicketResolved(id, actor, text!, now)),
            TicketAction.Reject => (TicketActionOutcome.Done, new TicketRejected(id, actor, text!, now)),
            _ => (TicketActionOutcome.NotAllowed, null),
        };
    }

    private static bool NeedsText(TicketAction action) =>
        action is TicketAction.Reply or TicketAction.InternalNote or TicketAction.RequestInformation
            or TicketAction.Resolve or TicketAction.Reject or TicketAction.SubscriberReply;
}
