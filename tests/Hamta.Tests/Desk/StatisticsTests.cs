using Hamta.Kernel.Text;
using System.Text.Json;
using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Time;
using Hamta.Sim.Contracts;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Desk;

/// <summary>The back office's statistics: counted by the modules' recurring jobs, read by day, drawn with a table each.</summary>
public sealed class StatisticsTests(HamtaFixture fixture) : DeskTest(fixture)
{
    private const string NeverSeenImei = "356938035643908";

    private DateOnly Today => JalaliDate.TehranDay(Clock.GetUtcNow());

    /// <summary>The seed's ticket resolved by the system (both correct IMEIs seen), another resolved by an agent, a third left open.</summary>
    private async Task<(long Automatic, long ByAgent, long Open)> ADaysWork()
    {
        var subscriber = await SignedInSubscriber();
        var filed = await AndWaitForMessages(() => subscriber.SubmitAsync("/tickets/new/form?subject=ImeiMismatch", new Dictionary<string, string>
        {
            ["CorrectImei1"] = Samsung, ["CorrectImei2"] = SamsungRealSecondImei,
            ["RegisteredImei1"] = Samsung, ["RegisteredImei2"] = SamsungSecondImei, ["Description"] = "شناسه دوم اشتباه ثبت شده است.",
        }));
        var automatic = long.Parse(filed.Location!.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);
        Clock.Advance(TimeSpan.FromHours(2));
        foreach (var imei in new[] { Samsung, SamsungRealSecondImei })
        {
            await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
                [new AttachObservationRecord(imei, "432119121234567", SampleMobile, Clock.GetUtcNow())])));
        }

        var byAgent = await FileTicket();
        Clock.Advance(TimeSpan.FromHours(6));
        await ActByBus(byAgent, TicketAction.Resolve, "رفع شد.");
        var open = await FileTicket(TicketSubject.ActivationCodeProblem);
        return (automatic, byAgent, open);
    }

    private Task<TicketStatistics> Statistics(TicketSubject? subject = null) => Ask<TicketStatistics>(new GetTicketStatistics(Today.AddDays(-6), Today, subject));

    private static ChartData ChartOf(PortalPage page, string id) =>
        JsonSerializer.Deserialize<ChartData>(page.Document.QuerySelector($"#{id}")!.GetAttribute("data-chart")!, JsonSerializerOptions.Web)!;

    private sealed record ChartData(string Type, bool Stacked, List<string> Labels, List<SeriesData> Series);

    private sealed record SeriesData(string Name, List<long> Values);

    [Fact]
    public async Task The_job_counts_tickets_filed_and_settled_per_day_and_subject_and_who_resolved_them()
    {
        await ADaysWork();

        await Send(new RefreshTicketStatistics());
        var statistics = await Statistics();

        var mismatch = Assert.Single(statistics.Days, d => d.Subject == TicketSubject.ImeiMismatch);
        var other = Assert.Single(statistics.Days, d => d.Subject == TicketSubject.Other);
        Assert.Equal((Today, 1, 1, 1, 0), (mismatch.Day, mismatch.Opened, mismatch.Closed, mismatch.ResolvedAutomatically, mismatch.ResolvedByAgent));
        Assert.Equal((1, 1, 0, 1), (other.Opened, other.Closed, other.ResolvedAutomatically, other.ResolvedByAgent));
        Assert.Equal(0.5, statistics.ResolvedAutomaticallyShare);
        Assert.Equal(Clock.GetUtcNow(), statistics.CountedAt);
        Assert.Equal([new BacklogCount(TicketStatus.Submitted, BacklogAge.UnderOneDay, 1)], statistics.Backlog);
    }

    [Fact]
    public async Task The_median_time_to_resolve_lies_between_the_fastest_and_the_slowest_resolution()
    {
        await ADaysWork();

        await Send(new RefreshTicketStatistics());
        var median = (await Statistics()).MedianTimeToResolve!.Value;

        Assert.InRange(median, TimeSpan.FromHours(1.6), TimeSpan.FromHours(8 * 1.1));
        Assert.Equal(TicketSubject.ImeiMismatch, Assert.Single((await Statistics(TicketSubject.ImeiMismatch)).Days).Subject);
    }

    [Fact]
    public async Task The_page_reads_the_counts_so_a_ticket_filed_after_the_last_count_shows_at_the_next()
    {
        await Send(new RefreshTicketStatistics());
        await FileTicket();

        Assert.Empty((await Statistics()).Days);

        Clock.Advance(TimeSpan.FromMinutes(5));
        await Send(new RefreshTicketStatistics());
        Assert.Equal(1, Assert.Single((await Statistics()).Days).Opened);
    }

    [Fact]
    public async Task A_day_counted_again_replaces_its_figures_and_older_days_stay_as_counted()
    {
        await FileTicket();
        await Send(new RefreshTicketStatistics());
        Clock.Advance(TimeSpan.FromDays(3));
        await FileTicket();

        await Send(new RefreshTicketStatistics());
        await Send(new RefreshTicketStatistics());

        Assert.Equal([1, 1], (await Statistics()).Days.Select(d => d.Opened));
        Assert.Equal([new BacklogCount(TicketStatus.Submitted, BacklogAge.UnderOneDay, 1), new BacklogCount(TicketStatus.Submitted, BacklogAge.ThreeToSevenDays, 1)],
            (await Statistics()).Backlog);
    }

    [Fact]
    public async Task Sightings_are_counted_per_operator_and_day()
    {
        var seen = Clock.GetUtcNow();
        await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
        [
            new AttachObservationRecord(Samsung, "432119121234567", SampleMobile, seen),
            new AttachObservationRecord(SamsungSecondImei, "432119121234567", SampleMobile, seen.AddMinutes(1)),
            new AttachObservationRecord(Nokia, "432119121234567", SampleMobile, seen.AddDays(-1)),
        ])));
        var second = await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations("second-operator",
            [new AttachObservationRecord(NeverSeenImei, "432119121234568", SampleMobile, seen.AddMinutes(2))])));
        Assert.Equal(ObservationOutcome.Stored, Assert.Single(second.Records).Outcome);

        await Send(new CountSightings());
        var counts = await Ask<SightingCounts>(new FindSightingCounts(Today.AddDays(-6), Today));

        Assert.Equal(
        [
            new OperatorDayCount(Today.AddDays(-1), TestHost.OperatorName, 1),
            new OperatorDayCount(Today, "second-operator", 1),
            new OperatorDayCount(Today, TestHost.OperatorName, 2),
        ], counts.Days.OrderBy(d => d.Day).ThenBy(d => d.Operator, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_statistics_page_draws_each_chart_from_its_data_attribute_with_the_same_figures_in_its_table()
    {
        await ADaysWork();
        await Send(new RefreshTicketStatistics());
        await Send(new CountSightings());
        var agent = await SignedInStaff();

        var page = await agent.GetAsync("/staff/statistics?period=7");

        Assert.Equal(200, page.Status);
        var flow = ChartOf(page, "chart-flow");
        Assert.Equal(7, flow.Labels.Count);
        Assert.Equal(Display.Digits(JalaliDate.FormatDay(Today)), flow.Labels[^1]);
        Assert.Equal([3L, 2L], flow.Series.Select(s => s.Values[^1]));
        var lastRow = page.Document.QuerySelector("#table-flow tbody tr:last-child")!.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([Display.Day(Today), "۳", "۲"], lastRow);
        Assert.Equal("۵۰٪", page.Document.QuerySelector("#automatic-share")!.TextContent.Trim());
        Assert.Contains("ساعت", page.Document.QuerySelector("#median-time")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, ChartOf(page, "chart-backlog").Series.Sum(s => s.Values.Sum()));
        Assert.Equal([TestHost.OperatorName], ChartOf(page, "chart-sightings").Series.Select(s => s.Name));
        Assert.All(page.Document.QuerySelectorAll("canvas[data-chart]"), canvas => Assert.NotNull(canvas.ParentElement!.NextElementSibling!.QuerySelector("table caption")));
        Assert.All(page.Document.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src"))));
        Assert.Contains(page.Document.QuerySelectorAll("nav a"), link => link.GetAttribute("href") == "/staff/statistics");
    }

    [Fact]
    public async Task Warnings_blocks_and_lifts_are_counted_per_condition_and_day_and_drawn_with_their_table()
    {
        var now = Clock.GetUtcNow();
        string[] samsung = [Samsung, SamsungSecondImei];
        await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
        [
            new AttachObservationRecord(samsung[0], "432119121234567", SampleMobile, now.AddDays(-10)),
            new AttachObservationRecord(Nokia, "432119121234567", SampleMobile, now.AddDays(-10)),
            new AttachObservationRecord(NeverSeenImei, "432119121234567", SampleMobile, now.AddHours(-1)),
            new AttachObservationRecord("353325101234568", "432119121234567", SampleMobile, now.AddHours(-1)),
        ])));
        await Send(new ClassifyImeis("test"));
        await Publish(new DeviceReportedLost(Guid.NewGuid(), "LS-1001", samsung, now));
        Clock.Advance(TimeSpan.FromDays(1));
        await Publish(new DeviceFound(Guid.NewGuid(), "LS-1001", samsung, Clock.GetUtcNow()));

        await Send(new CountEnforcementChanges());
        var counts = await Ask<EnforcementCounts>(new FindEnforcementCounts(Today.AddDays(-6), Today));

        var yesterday = Today.AddDays(-1);
        Assert.Equal(
        [
            new ConditionDayCount(yesterday, "lost-stolen", 0, 2, 0),
            new ConditionDayCount(yesterday, "malformed", 1, 0, 0),
            new ConditionDayCount(yesterday, "not-registered", 1, 0, 0),
            new ConditionDayCount(Today, "lost-stolen", 0, 0, 2),
        ], counts.Days);

        var page = await (await SignedInStaff()).GetAsync("/staff/statistics?period=7");
        var chart = ChartOf(page, "chart-enforcement");
        Assert.Equal(7, chart.Labels.Count);
        Assert.Equal([2L, 2L, 0L], chart.Series.Select(s => s.Values[^2]));
        Assert.Equal([0L, 0L, 2L], chart.Series.Select(s => s.Values[^1]));
        var lostRow = page.Document.QuerySelector("#table-enforcement tbody tr[data-condition='lost-stolen']")!
            .QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["lost-stolen", "۰", "۲", "۲"], lostRow);
    }

    [Theory]
    [InlineData("from=1405/13/01", "from", "تاریخ را به شکل")]
    [InlineData("from=abc&to=1405/09/01", "from", "تاریخ را به شکل")]
    [InlineData("from=1405/09/10&to=1405/09/01", "to", "پیش از تاریخ شروع")]
    [InlineData("from=1403/01/01&to=1405/09/01", "to", "حداکثر")]
    public async Task A_period_that_cannot_be_read_is_explained_beside_its_field_and_the_last_30_days_are_shown(string query, string field, string message)
    {
        var agent = await SignedInStaff();

        var page = await agent.GetAsync($"/staff/statistics?{query}");

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor(field), StringComparison.Ordinal);
        Assert.Equal(30, ChartOf(page, "chart-flow").Labels.Count);
    }

    [Fact]
    public async Task A_typed_period_in_persian_digits_is_read()
    {
        var agent = await SignedInStaff();

        var page = await agent.GetAsync($"/staff/statistics?from={Uri.EscapeDataString(Persian("1405/08/25"))}&to={Uri.EscapeDataString(Persian("1405/09/03"))}");

        Assert.Equal(["۱۴۰۵/۰۸/۲۵", "۱۴۰۵/۰۹/۰۳"], new[] { ChartOf(page, "chart-flow").Labels[0], ChartOf(page, "chart-flow").Labels[^1] });
        Assert.True(string.IsNullOrEmpty(page.ErrorFor("from")));
    }

    [Fact]
    public async Task Subscribers_cannot_open_the_statistics()
    {
        var subscriber = await SignedInSubscriber();

        Assert.Equal(302, (await subscriber.GetAsync("/staff/statistics")).Status);
    }
}
