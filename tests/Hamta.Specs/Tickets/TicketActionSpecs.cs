using Hamta.Tickets.Acting;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Specs.Tickets;

public sealed class TicketActionSpecs : TicketSpecification
{
    private static (TicketActionOutcome Outcome, object? Change) When(Ticket ticket, TicketAction action, TicketActor actor, string? text, DateTimeOffset at) =>
        TicketDecisions.Decide(ticket, new ActOnTicket(Number, action, actor, text, ExpectedVersion: 1), at);

    [Fact]
    public void A_resolved_ticket_can_be_reopened_within_seven_days_and_not_after()
    {
        var resolvedAt = Opened.AddDays(1);
        var ticket = Given(OtherOpened(), new TicketResolved(TicketId, Agent, "رفع شد.", resolvedAt));

        var (outcome, change) = When(ticket, TicketAction.Reopen, Subscriber, null, resolvedAt + Ticket.ReopenWindow);
        Assert.Equal(TicketActionOutcome.Done, outcome);
        Assert.IsType<TicketReopened>(change);

        (outcome, change) = When(ticket, TicketAction.Reopen, Subscriber, null, resolvedAt + Ticket.ReopenWindow + TimeSpan.FromMinutes(1));
        Assert.Equal(TicketActionOutcome.ReopenWindowPassed, outcome);
        Assert.Null(change);
    }

    [Fact]
    public void Only_a_resolved_ticket_can_be_reopened()
    {
        var (outcome, change) = When(Given(OtherOpened()), TicketAction.Reopen, Subscriber, null, Opened.AddHours(1));

        Assert.Equal(TicketActionOutcome.NotAllowed, outcome);
        Assert.Null(change);
    }

    [Theory]
    [InlineData(TicketAction.Resolve)]
    [InlineData(TicketAction.Reject)]
    [InlineData(TicketAction.Assign)]
    [InlineData(TicketAction.InternalNote)]
    public void A_subscriber_cannot_take_an_agents_action(TicketAction action)
    {
        var (outcome, change) = When(Given(OtherOpened()), action, Subscriber, "متن", Opened.AddHours(1));

        Assert.Equal(TicketActionOutcome.NotAllowed, outcome);
        Assert.Null(change);
    }

    [Fact]
    public void An_agent_cannot_reply_as_the_subscriber_nor_close_for_them()
    {
        Assert.Equal(TicketActionOutcome.NotAllowed, When(Given(OtherOpened()), TicketAction.SubscriberReply, Agent, "متن", Opened).Outcome);
        Assert.Equal(TicketActionOutcome.NotAllowed, When(Given(OtherOpened()), TicketAction.Close, Agent, null, Opened).Outcome);
    }

    [Theory]
    [InlineData(TicketAction.Reply)]
    [InlineData(TicketAction.RequestInformation)]
    [InlineData(TicketAction.Resolve)]
    [InlineData(TicketAction.Reject)]
    [InlineData(TicketAction.InternalNote)]
    public void An_agents_text_is_required_and_bounded(TicketAction action)
    {
        var ticket = Given(OtherOpened());

        Assert.Equal(TicketActionOutcome.TextRequired, When(ticket, action, Agent, "   ", Opened).Outcome);
        Assert.Equal(TicketActionOutcome.TextTooLong, When(ticket, action, Agent, new string('ب', TicketLimits.MaxText + 1), Opened).Outcome);
        Assert.Equal(TicketActionOutcome.Done, When(ticket, action, Agent, new string('ب', TicketLimits.MaxText), Opened).Outcome);
    }

    [Fact]
    public void A_settled_ticket_takes_no_more_agent_actions()
    {
        var rejected = Given(OtherOpened(), new TicketRejected(TicketId, Agent, "مدرک ناقص است.", Opened.AddDays(1)));

        Assert.Equal(TicketActionOutcome.NotAllowed, When(rejected, TicketAction.Reply, Agent, "پاسخ", Opened.AddDays(2)).Outcome);
        Assert.Equal(TicketActionOutcome.NotAllowed, When(rejected, TicketAction.Resolve, Agent, "رفع", Opened.AddDays(2)).Outcome);
    }

    [Fact]
    public void An_agent_assigned_already_is_not_assigned_twice()
    {
        var assigned = Given(OtherOpened(), new TicketAssigned(TicketId, Agent, Opened.AddMinutes(5)));

        Assert.Equal(TicketStatus.InReview, assigned.Status);
        Assert.Equal(TicketActionOutcome.NotAllowed, When(assigned, TicketAction.Assign, Agent, null, Opened.AddMinutes(6)).Outcome);
        Assert.Equal(TicketActionOutcome.Done, When(assigned, TicketAction.Assign, Agent with { Name = "agent2" }, null, Opened.AddMinutes(6)).Outcome);
    }

    [Fact]
    public void A_subscriber_can_close_an_open_ticket_once()
    {
        var (outcome, change) = When(Given(OtherOpened()), TicketAction.Close, Subscriber, null, Opened.AddHours(2));
        Assert.Equal(TicketActionOutcome.Done, outcome);

        var closed = Given(OtherOpened(), change!);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(TicketActionOutcome.NotAllowed, When(closed, TicketAction.Close, Subscriber, null, Opened.AddHours(3)).Outcome);
    }

    [Fact]
    public void Bulk_assignment_takes_open_tickets_and_passes_over_settled_ones_and_ones_already_theirs()
    {
        var open = Given(OtherOpened());
        var theirs = Given(OtherOpened(), new TicketAssigned(TicketId, Agent, Opened.AddMinutes(1)));
        var rejected = Given(OtherOpened(), new TicketRejected(TicketId, Agent with { Name = "agent2" }, "رد شد.", Opened.AddMinutes(1)));

        Assert.IsType<TicketAssigned>(Assert.Single(AssignTicketsHandler.Decide(open, Agent, Opened.AddHours(1)).Events));
        Assert.Empty(AssignTicketsHandler.Decide(theirs, Agent, Opened.AddHours(1)).Events);
        Assert.Empty(AssignTicketsHandler.Decide(rejected, Agent, Opened.AddHours(1)).Events);
    }
}
