using System.Linq.Expressions;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten.Linq;

namespace Hamta.Tickets.Queries;

/// <summary>
/// The rows of a subscriber's tickets numbered below <see cref="Before"/>, newest first: the my-tickets
/// page and its older pages. Compiled: Marten turns it into SQL once, not on every page.
/// </summary>
public sealed class MyTicketRowsBefore : ICompiledListQuery<Ticket, TicketRow>
{
    public string NationalId { get; set; } = string.Empty;

    public long Before { get; set; } = long.MaxValue;

    public int Count { get; set; } = 1;

    public Expression<Func<IMartenQueryable<Ticket>, IEnumerable<TicketRow>>> QueryIs() =>
        tickets => tickets.Where(x => x.SubscriberNationalId == NationalId && x.Number < Before)
            .OrderByDescending(x => x.Number)
            .Take(Count)
            .Select(x => new TicketRow(x.Number, x.Subject, x.DeviceImei, x.OpenedAt, x.Status));
}

/// <summary>The rows of a subscriber's tickets numbered above <see cref="After"/>, oldest first: the newer pages.</summary>
public sealed class MyTicketRowsAfter : ICompiledListQuery<Ticket, TicketRow>
{
    public string NationalId { get; set; } = string.Empty;

    public long After { get; set; }

    public int Count { get; set; } = 1;

    public Expression<Func<IMartenQueryable<Ticket>, IEnumerable<TicketRow>>> QueryIs() =>
        tickets => tickets.Where(x => x.SubscriberNationalId == NationalId && x.Number > After)
            .OrderBy(x => x.Number)
            .Take(Count)
            .Select(x => new TicketRow(x.Number, x.Subject, x.DeviceImei, x.OpenedAt, x.Status));
}
