using Hamta.Kernel.Text;
using Hamta.Tickets.Closing;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Specs.Tickets;

public sealed class TicketSweepSpecs : TicketSpecification
{
    private static readonly DateTimeOffset ResolvedAt = Opened.AddDays(1);
    private static readonly RemindUnansweredTickets Unanswered = new(TimeSpan.FromDays(3), TimeSpan.FromDays(10));

    [Fact]
    public void A_resolved_ticket_is_closed_with_an_sms_once_its_reopening_window_has_passed()
    {
        var ticket = Given(OtherOpened(), new TicketResolved(TicketId, Agent, "رفع شد.", ResolvedAt));

        Assert.Empty(CloseSettledTicketsHandler.Decide(ticket, ResolvedAt + Ticket.ReopenWindow).Events);

        var (events, sms) = CloseSettledTicketsHandler.Decide(ticket, ResolvedAt + Ticket.ReopenWindow + TimeSpan.FromMinutes(1));
        Assert.IsType<TicketClosed>(Assert.Single(events));
        Assert.Equal(Sim, sms!.Mobile);
        Assert.Contains($"تیکت {Display.Number(Number)} بسته شد", sms.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ticket_reopened_after_the_sweep_read_it_is_not_closed()
    {
        var reopened = Given(OtherOpened(),
            new TicketResolved(TicketId, Agent, "رفع شد.", ResolvedAt),
            new TicketReopened(TicketId, Subscriber, ResolvedAt.AddDays(6)));

        var (events, sms) = CloseSettledTicketsHandler.Decide(reopened, ResolvedAt.AddDays(9));

        Assert.Empty(events);
        Assert.Null(sms);
    }

    [Fact]
    public void An_unanswered_request_gets_one_reminder_then_is_closed()
    {
        var asked = Opened.AddHours(1);
        var waiting = Given(OtherOpened(), new InformationRequested(TicketId, Agent, "فاکتور خرید را بفرستید.", asked));

        Assert.Empty(RemindUnansweredTicketsHandler.Decide(waiting, Unanswered, asked.AddDays(2)).Events);

        var (events, sms) = RemindUnansweredTicketsHandler.Decide(waiting, Unanswered, asked.AddDays(4));
        var reminded = Assert.IsType<SubscriberReminded>(Assert.Single(events));
        Assert.Contains("به پاسخ شما نیاز است", sms!.Text, StringComparison.Ordinal);

        var afterReminder = Given(OtherOpened(), new InformationRequested(TicketId, Agent, "فاکتور خرید را بفرستید.", asked), reminded);
        Assert.Empty(RemindUnansweredTicketsHandler.Decide(afterReminder, Unanswered, asked.AddDays(5)).Events);
        Assert.IsType<TicketClosed>(Assert.Single(RemindUnansweredTicketsHandler.Decide(afterReminder, Unanswered, asked.AddDays(11)).Events));
    }

    [Fact]
    public void A_subscriber_who_replied_after_the_sweep_read_the_ticket_is_neither_reminded_nor_closed()
    {
        var asked = Opened.AddHours(1);
        var replied = Given(OtherOpened(),
            new InformationRequested(TicketId, Agent, "فاکتور خرید را بفرستید.", asked),
            new SubscriberReplied(TicketId, Subscriber, "فرستادم.", asked.AddDays(10)));

        var (events, sms) = RemindUnansweredTicketsHandler.Decide(replied, Unanswered, asked.AddDays(11));

        Assert.Empty(events);
        Assert.Null(sms);
    }
}
