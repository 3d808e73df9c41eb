using System.Text.Json;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;
using Hamta.Sim.Contracts;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>One chart's data, for the script that draws it: the Jalali days (or other categories) and a named series each.</summary>
public sealed record ChartData(string Type, bool Stacked, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record ChartSeries(string Name, IReadOnlyList<long> Values);

/// <summary>
/// The back office's statistics for a period: the figures are counted beforehand by each module's recurring job and
/// read here by day (ADR 21); each chart comes with its table. The charts get their data through data- attributes
/// (no inline script, under the strict content security policy).
/// </summary>
public sealed class StatisticsModel(IMessageBus bus, IStringLocalizer<StaffResource> texts, TimeProvider clock) : PageModel
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;
    public static readonly int[] Periods = [7, 30, 90, 365];

    [BindProperty(SupportsGet = true, Name = "period")]
    public int? Period { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    public TicketSubject? SubjectFilter { get; private set; }

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public IReadOnlyList<DateOnly> Days { get; private set; } = [];

    public TicketStatistics Tickets { get; private set; } = null!;

    public SightingCounts Sightings { get; private set; } = null!;

    public IReadOnlyList<string> Operators { get; private set; } = [];

    public EnforcementCounts Enforcement { get; private set; } = null!;

    public string? ErrorOf(string field) => ModelState.TryGetValue(field, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        ChoosePeriod(JalaliDate.TehranDay(clock.GetUtcNow()));
        Days = Enumerable.Range(0, LastDay.DayNumber - FirstDay.DayNumber + 1).Select(FirstDay.AddDays).ToList();
        Tickets = await bus.InvokeAsync<TicketStatistics>(new GetTicketStatistics(FirstDay, LastDay, SubjectFilter), cancellation);
        Sightings = await bus.InvokeAsync<SightingCounts>(new FindSightingCounts(FirstDay, LastDay), cancellation);
        Operators = Sightings.Days.Select(d => d.Operator).Distinct().Order(StringComparer.Ordinal).ToList();
        Enforcement = await bus.InvokeAsync<EnforcementCounts>(new FindEnforcementCounts(FirstDay, LastDay), cancellation);
    }

    /// <summary>A typed period (from–to, Jalali) wins over a chosen one; what cannot be read is said beside its field and the last 30 days are shown.</summary>
    private void ChoosePeriod(DateOnly today)
    {
        SubjectFilter = Enum.TryParse<TicketSubject>(Subject, out var subject) && Enum.IsDefined(subject) ? subject : null;
        var days = Period is { } period && Periods.Contains(period) ? period : DefaultDays;
        (FirstDay, LastDay) = (today.AddDays(1 - days), today);
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            return;
        }

        var (from, to) = (FirstDay, LastDay);
        var fromOk = string.IsNullOrWhiteSpace(From) || JalaliDate.TryParseDay(From, out from);
        var toOk = string.IsNullOrWhiteSpace(To) || JalaliDate.TryParseDay(To, out to);
        if (!fromOk)
        {
            ModelState.AddModelError("from", texts["Statistics_BadDay"]);
        }

        if (!toOk)
        {
            ModelState.AddModelError("to", texts["Statistics_BadDay"]);
        }

        if (!fromOk || !toOk)
        {
            return;
        }

        if (to < from)
        {
            ModelState.AddModelError("to", texts["Statistics_ToBeforeFrom"]);
        }
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            ModelState.AddModelError("to", texts["Statistics_TooLong", Display.Number(MaxDays)]);
        }
        else
        {
            (FirstDay, LastDay) = (from, to);
        }
    }

    /// <summary>A day on a chart's axis, drawn on a canvas: Persian digits without the isolates a canvas would not need.</summary>
    public static string DayLabel(DateOnly day) => Display.Digits(JalaliDate.FormatDay(day));

    public IReadOnlyList<TicketDayCount> TicketDays => Days
        .Select(day => Tickets.Days.Where(d => d.Day == day).Aggregate(new TicketDayCount(day, default, 0, 0, 0, 0), (sum, d) => sum with
        {
            Opened = sum.Opened + d.Opened, Closed = sum.Closed + d.Closed,
            ResolvedAutomatically = sum.ResolvedAutomatically + d.ResolvedAutomatically, ResolvedByAgent = sum.ResolvedByAgent + d.ResolvedByAgent,
        }))
        .ToList();

    public IReadOnlyList<TicketDayCount> SubjectTotals => Tickets.Days
        .GroupBy(d => d.Subject)
        .Select(g => new TicketDayCount(LastDay, g.Key, g.Sum(d => d.Opened), g.Sum(d => d.Closed), g.Sum(d => d.ResolvedAutomatically), g.Sum(d => d.ResolvedByAgent)))
        .OrderBy(d => d.Subject)
        .ToList();

    public long SightingsOf(DateOnly day, string operatorName) =>
        Sightings.Days.FirstOrDefault(d => d.Day == day && d.Operator == operatorName)?.Sightings ?? 0;

    public int BacklogOf(TicketStatus status, BacklogAge age) => Tickets.Backlog.FirstOrDefault(b => b.Status == status && b.Age == age)?.Tickets ?? 0;

    public static readonly TicketStatus[] OpenStatuses = [TicketStatus.Submitted, TicketStatus.AwaitingNetworkEvidence, TicketStatus.InReview, TicketStatus.AwaitingSubscriber];

    public ChartData OpenedAndClosed() => new("bar", false, Days.Select(DayLabel).ToList(),
    [
        new(texts["Statistics_Opened"], TicketDays.Select(d => (long)d.Opened).ToList()),
        new(texts["Statistics_Closed"], TicketDays.Select(d => (long)d.Closed).ToList()),
    ]);

    public ChartData Resolutions() => new("bar", true, Days.Select(DayLabel).ToList(),
    [
        new(texts["Statistics_ResolvedAutomatically"], TicketDays.Select(d => (long)d.ResolvedAutomatically).ToList()),
        new(texts["Statistics_ResolvedByAgent"], TicketDays.Select(d => (long)d.ResolvedByAgent).ToList()),
    ]);

    public ChartData Backlog() => new("bar", true, Enum.GetValues<BacklogAge>().Select(age => texts[$"Statistics_Age_{age}"].Value).ToList(),
        OpenStatuses.Select(status => new ChartSeries(texts[$"Status_{status}"], Enum.GetValues<BacklogAge>().Select(age => (long)BacklogOf(status, age)).ToList())).ToList());

    public ChartData SightingsPerOperator() => new("line", false, Days.Select(DayLabel).ToList(),
        Operators.Select(op => new ChartSeries(op, Days.Select(day => SightingsOf(day, op)).ToList())).ToList());

    /// <summary>The period's warnings, blocks and lifts of each condition.</summary>
    public IReadOnlyList<ConditionDayCount> ConditionTotals => Enforcement.Days
        .GroupBy(d => d.Condition)
        .Select(g => new ConditionDayCount(LastDay, g.Key, g.Sum(d => d.Warned), g.Sum(d => d.Blocked), g.Sum(d => d.Lifted)))
        .OrderBy(d => d.Condition, StringComparer.Ordinal)
        .ToList();

    /// <summary>Each day's warnings, blocks and lifts, all conditions together.</summary>
    public IReadOnlyList<ConditionDayCount> EnforcementDays => Days
        .Select(day => Enforcement.Days.Where(d => d.Day == day).Aggregate(new ConditionDayCount(day, "", 0, 0, 0),
            (sum, d) => sum with { Warned = sum.Warned + d.Warned, Blocked = sum.Blocked + d.Blocked, Lifted = sum.Lifted + d.Lifted }))
        .ToList();

    public ChartData EnforcementChanges() => new("bar", false, Days.Select(DayLabel).ToList(),
    [
        new(texts["Statistics_Warned"], EnforcementDays.Select(d => d.Warned).ToList()),
        new(texts["Statistics_Blocked"], EnforcementDays.Select(d => d.Blocked).ToList()),
        new(texts["Statistics_Lifted"], EnforcementDays.Select(d => d.Lifted).ToList()),
    ]);

    public string Share => Tickets.ResolvedAutomaticallyShare is { } share ? Display.Percent(share) : "—";

    /// <summary>A duration as people say it: days and hours, hours and minutes, or minutes.</summary>
    public string Duration(TimeSpan duration) =>
        duration.TotalDays >= 1 ? texts["Statistics_DaysHours", Display.Number((long)duration.TotalDays), Display.Number(duration.Hours)]
        : duration.TotalHours >= 1 ? texts["Statistics_HoursMinutes", Display.Number((long)duration.TotalHours), Display.Number(duration.Minutes)]
        : texts["Statistics_Minutes", Display.Number(Math.Max(1, (long)Math.Round(duration.TotalMinutes)))];
}
