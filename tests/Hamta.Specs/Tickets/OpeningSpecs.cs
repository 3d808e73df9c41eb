using Hamta.Tickets.Acting;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Opening;
using Hamta.Tickets.Tickets;

namespace Hamta.Specs.Tickets;

/// <summary>What a ticket must carry to be filed, and what the portal is told it may do with one.</summary>
public sealed class OpeningSpecs : TicketSpecification
{
    private static OpenTicket Filing(string description) =>
        new(TicketSubject.Other, Sim, NationalId, null, [], new Dictionary<string, string>(), description);

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void A_ticket_without_a_description_is_refused(string description) =>
        Assert.Equal(OpenTicketOutcome.DescriptionRequired, OpenTicketValidation.Refusal(Filing(description)));

    [Fact]
    public void A_description_longer_than_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        Assert.Equal(OpenTicketOutcome.DescriptionTooLong, OpenTicketValidation.Refusal(Filing(new string('ش', TicketLimits.MaxText + 1))));
        Assert.Null(OpenTicketValidation.Refusal(Filing($"  {new string('ش', TicketLimits.MaxText)}  ")));
    }

    [Fact]
    public void The_portal_offers_reopening_exactly_while_the_decision_would_reopen()
    {
        var resolvedAt = Opened.AddDays(1);
        var ticket = Given(OtherOpened(), new TicketResolved(TicketId, Agent, "رفع شد.", resolvedAt));
        var reopen = new ActOnTicket(Number, TicketAction.Reopen, Subscriber, null, ExpectedVersion: 1);

        foreach (var at in new[] { resolvedAt, resolvedAt + Ticket.ReopenWindow, resolvedAt + Ticket.ReopenWindow + TimeSpan.FromMinutes(1) })
        {
            Assert.Equal(TicketDecisions.Decide(ticket, reopen, at).Item1 == TicketActionOutcome.Done, ticket.ReopenableAt(at));
        }

        Assert.False(Given(OtherOpened()).ReopenableAt(Opened));
    }

    [Theory]
    [InlineData(TicketStatus.Submitted, true)]
    [InlineData(TicketStatus.AwaitingSubscriber, true)]
    [InlineData(TicketStatus.Resolved, false)]
    [InlineData(TicketStatus.Rejected, false)]
    [InlineData(TicketStatus.Closed, false)]
    public void A_ticket_is_open_until_it_is_resolved_rejected_or_closed(TicketStatus status, bool open) =>
        Assert.Equal(open, status.IsOpen());
}
