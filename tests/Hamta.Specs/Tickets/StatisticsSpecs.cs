using Hamta.Kernel.Time;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Statistics;
using Hamta.Tickets.Tickets;

namespace Hamta.Specs.Tickets;

/// <summary>What the statistics count of a ticket, and how the pre-counted figures add up, without a database.</summary>
public sealed class StatisticsSpecs : TicketSpecification
{
    private static readonly TicketActor Registry = new(TicketActorKind.System, "registry correction");

    [Fact]
    public void A_ticket_is_settled_once_at_its_first_resolution_and_a_reopening_keeps_it()
    {
        var resolvedAt = Opened.AddHours(5);
        var ticket = Given(OtherOpened(),
            new TicketResolved(TicketId, Agent, "رفع شد.", resolvedAt),
            new TicketReopened(TicketId, Subscriber, resolvedAt.AddDays(1)),
            new TicketRejected(TicketId, Agent, "رد شد.", resolvedAt.AddDays(2)));

        Assert.Equal((resolvedAt, TicketStatus.Resolved, false), (ticket.SettledAt, ticket.SettledAs, ticket.ResolvedAutomatically));
    }

    [Fact]
    public void A_resolution_by_the_system_counts_as_automatic()
    {
        var ticket = Given(MismatchOpened(), new TicketResolved(TicketId, Registry, "اصلاح شد.", Opened.AddDays(1)));

        Assert.True(ticket.ResolvedAutomatically);
    }

    [Fact]
    public void Closing_a_resolved_ticket_does_not_settle_it_again()
    {
        var ticket = Given(OtherOpened(), new TicketResolved(TicketId, Agent, "رفع شد.", Opened.AddHours(1)), new TicketClosed(TicketId, Registry, Opened.AddDays(8)));

        Assert.Equal(Opened.AddHours(1), ticket.SettledAt);
    }

    [Fact]
    public void An_open_ticket_is_not_settled()
    {
        var ticket = Given(OtherOpened(), new TicketAssigned(TicketId, Agent, Opened.AddHours(1)));

        Assert.Null(ticket.SettledAt);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(45)]
    [InlineData(600)]
    [InlineData(2 * 24 * 60)]
    [InlineData(9 * 24 * 60)]
    public void A_resolution_time_is_read_back_from_its_range_within_a_tenth(double minutes)
    {
        var middle = ResolutionTimes.MiddleOf(ResolutionTimes.BucketOf(TimeSpan.FromMinutes(minutes)));

        Assert.InRange(middle.TotalMinutes + 1, (minutes + 1) / 1.1, (minutes + 1) * 1.1);
    }

    [Fact]
    public void The_median_of_several_days_is_read_from_their_ranges_added_up()
    {
        var hour = ResolutionTimes.BucketOf(TimeSpan.FromHours(1));
        var day = ResolutionTimes.BucketOf(TimeSpan.FromDays(1));
        var week = ResolutionTimes.BucketOf(TimeSpan.FromDays(7));

        var median = ResolutionTimes.Median([(hour, 2), (day, 1), (day, 1), (week, 3)]);

        Assert.Equal(ResolutionTimes.MiddleOf(day), median);
        Assert.Null(ResolutionTimes.Median([]));
    }

    [Fact]
    public void A_count_goes_back_to_the_day_before_the_previous_one_or_to_the_earliest_data_the_first_time()
    {
        var today = new DateOnly(2026, 11, 27);
        var noon = new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero);

        Assert.Equal(today.AddDays(-1), CountingWindow.FirstDay(today, 2, noon, null));
        Assert.Equal(today.AddDays(-11), CountingWindow.FirstDay(today, 2, noon.AddDays(-10), null));
        Assert.Equal(today.AddDays(-300), CountingWindow.FirstDay(today, 2, null, today.AddDays(-300)));
        Assert.Equal(today.AddDays(-1), CountingWindow.FirstDay(today, 2, null, null));
        Assert.Equal(today.AddDays(-29), CountingWindow.FirstDay(today, 30, noon, null));
    }

    [Fact]
    public void Open_tickets_are_grouped_by_status_and_age_in_days()
    {
        var today = new DateOnly(2026, 11, 27);

        var backlog = Backlogs.Of(
        [
            (TicketStatus.InReview, today, 3),
            (TicketStatus.InReview, today.AddDays(-2), 2),
            (TicketStatus.InReview, today.AddDays(-1), 1),
            (TicketStatus.AwaitingSubscriber, today.AddDays(-7), 4),
            (TicketStatus.AwaitingSubscriber, today.AddDays(-30), 1),
        ], today);

        Assert.Equal(
        [
            new BacklogCount(TicketStatus.InReview, BacklogAge.UnderOneDay, 3),
            new BacklogCount(TicketStatus.InReview, BacklogAge.OneToThreeDays, 3),
            new BacklogCount(TicketStatus.AwaitingSubscriber, BacklogAge.OverSevenDays, 5),
        ], backlog);
    }
}
