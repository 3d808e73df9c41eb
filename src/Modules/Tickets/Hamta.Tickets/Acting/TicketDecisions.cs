using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Tickets.Acting;

/// <summary>
/// What an action on a ticket does, decided from the ticket and the time alone: the rules every action shares (who
/// may take it, its text), then the action's own, one file an action.
/// </summary>
public static class TicketDecisions
{
    public static readonly (TicketActionOutcome, object?) NotAllowed = (TicketActionOutcome.NotAllowed, null);

    public static (TicketActionOutcome, object?) Done(object change) => (TicketActionOutcome.Done, change);

    public static (TicketActionOutcome, object?) IfOpen(Ticket ticket, object change) => ticket.IsOpen ? Done(change) : NotAllowed;

    public static (TicketActionOutcome, object?) Decide(Ticket ticket, ActOnTicket command, DateTimeOffset now)
    {
        var actor = command.Actor;
        var text = command.Text?.Trim();
        var bySubscriber = actor.Kind == TicketActorKind.Subscriber;
        if (bySubscriber != (command.Action is TicketAction.SubscriberReply or TicketAction.Close or TicketAction.Reopen))
        {
            return NotAllowed;
        }

        if (NeedsText(command.Action) && string.IsNullOrEmpty(text))
        {
            return (TicketActionOutcome.TextRequired, null);
        }

        if (text?.Length > TicketLimits.MaxText)
        {
            return (TicketActionOutcome.TextTooLong, null);
        }

        return command.Action switch
        {
            TicketAction.Reopen => Reopen.Decide(ticket, actor, now),
            TicketAction.Close => Close.Decide(ticket, actor, now),
            TicketAction.SubscriberReply => SubscriberReply.Decide(ticket, actor, text!, now),
            TicketAction.Assign => Assign.Decide(ticket, actor, now),
            TicketAction.Reply => Reply.Decide(ticket, actor, text!, now),
            TicketAction.InternalNote => InternalNote.Decide(ticket, actor, text!, now),
            TicketAction.RequestInformation => RequestInformation.Decide(ticket, actor, text!, now),
            TicketAction.Resolve => Resolve.Decide(ticket, actor, text!, now),
            TicketAction.Reject => Reject.Decide(ticket, actor, text!, now),
            _ => NotAllowed,
        };
    }

    private static bool NeedsText(TicketAction action) =>
        action is TicketAction.Reply or TicketAction.InternalNote or TicketAction.RequestInformation
            or TicketAction.Resolve or TicketAction.Reject or TicketAction.SubscriberReply;
}
