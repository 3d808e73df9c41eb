using System.Globalization;
using System.Security.Claims;
using Hamta.Host.Infrastructure;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;
using Hamta.Tickets.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Wolverine;

namespace Hamta.Host.Pages.Staff;

/// <summary>
/// The agents' queue: every ticket, newest first, filtered by status, subject and the day it was
/// opened (Tehran days), searched by ticket number, IMEI or mobile number, twenty a page.
/// </summary>
public sealed class StaffTicketsModel(IMessageBus bus, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Iran keeps no daylight saving time since 2022: a Tehran day starts at 00:00 +03:30.</summary>
    public static readonly TimeSpan TehranOffset = new(3, 30, 0);

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    /// <summary>Only the tickets assigned to the signed-in agent («تیکت‌های من»).</summary>
    [BindProperty(SupportsGet = true, Name = "mine")]
    public bool Mine { get; set; }

    /// <summary>How many tickets the last bulk assignment gave the agent, after its redirect.</summary>
    [BindProperty(SupportsGet = true, Name = "assigned")]
    public int? Assigned { get; set; }

    /// <summary>The page, from 1 (not "page": Razor Pages keeps that route value for itself).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public TicketStatus? StatusFilter { get; private set; }

    public TicketSubject? SubjectFilter { get; private set; }

    public DateOnly? FromDay { get; private set; }

    public DateOnly? ToDay { get; private set; }

    /// <summary>What the visitor typed but could not be read as a date; it is shown and left out of the filter.</summary>
    public IReadOnlyList<string> BadDates { get; private set; } = [];

    public AgentTicketPage Listing { get; private set; } = new([], 0);

    public int FirstRow => (PageNumber - 1) * PageSize + 1;

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber * PageSize < Listing.Total;

    public bool NoneSelected { get; private set; }

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No staff member is signed in.");

    /// <summary>How long a ticket has been open, and whether it is past its subject's response target.</summary>
    public (TimeSpan Age, bool Overdue) AgeOf(AgentTicketRow row)
    {
        var age = clock.GetUtcNow() - row.OpenedAt;
        var open = row.Status.IsOpen();
        return (age, open && age > configuration.ResponseTarget(row.Subject));
    }

    /// <summary>Assigns the ticked tickets to the signed-in agent, and comes back to the same list.</summary>
    public async Task<IActionResult> OnPostAssignAsync(long[] numbers, CancellationToken cancellation)
    {
        if (numbers.Length == 0)
        {
            NoneSelected = true;
            await OnGetAsync(cancellation);
            return Page();
        }

        var assigned = await bus.InvokeAsync<TicketsAssigned>(new AssignTickets(numbers, new TicketActor(TicketActorKind.Agent, Me)), cancellation);
        return Redirect(QueryHelpers.AddQueryString(PageUrl(PageNumber), "assigned", assigned.Numbers.Count.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        PageNumber = Math.Max(1, PageNumber);
        StatusFilter = Enum.TryParse<TicketStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;
        SubjectFilter = Enum.TryParse<TicketSubject>(Subject, ignoreCase: true, out var subject) && Enum.IsDefined(subject) ? subject : null;
        var bad = new List<string>();
        FromDay = Day(From, bad);
        ToDay = Day(To, bad);
        BadDates = bad;

        Listing = await bus.InvokeAsync<AgentTicketPage>(
            new FindTicketsForAgents(
                StatusFilter, SubjectFilter, StartOf(FromDay), StartOf(ToDay?.AddDays(1)), NormalizeSearch(Search), PageNumber - 1, PageSize,
                Mine ? Me : null),
            cancellation);
    }

    /// <summary>The queue's address with the current filters and another page.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["status"] = StatusFilter?.ToString(),
            ["subject"] = SubjectFilter?.ToString(),
            ["from"] = FromDay is { } from ? JalaliDate.FormatDay(from) : null,
            ["to"] = ToDay is { } to ? JalaliDate.FormatDay(to) : null,
            ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
            ["mine"] = Mine ? "true" : null,
            ["p"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString("/staff/tickets", query.Where(x => x.Value is not null));
    }

    /// <summary>
    /// A mobile number in any accepted form and digit script becomes 09XXXXXXXXX; a ticket number or
    /// an IMEI becomes plain ASCII digits.
    /// </summary>
    public static string? NormalizeSearch(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }

        if (MobileNumber.TryNormalize(search, out var mobile))
        {
            return mobile;
        }

        var normalized = DigitNormalizer.Normalize(search);
        return normalized.Length == 0 ? null : normalized;
    }

    public static DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TehranOffset) : null;

    private static DateOnly? Day(string? input, List<string> bad)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        if (JalaliDate.TryParseDay(input, out var day))
        {
            return day;
        }

        bad.Add(input);
        return null;
    }
}
