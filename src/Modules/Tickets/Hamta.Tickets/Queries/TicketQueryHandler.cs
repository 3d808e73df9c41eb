using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;

namespace Hamta.Tickets.Queries;

public static class TicketQueryHandler
{
    public const int MaxAgentPageSize = 100;

    /// <summary>
    /// Keyset paging on the ticket number (numbers grow with time), so any page costs one index range scan;
    /// only the listed fields are read, and the row count before the page is counted only when there is one.
    /// </summary>
    public static async Task<TicketPage> Handle(FindMyTickets query, IQuerySession session, CancellationToken cancellation)
    {
        var mine = session.Query<Ticket>().Where(x => x.SubscriberNationalId == query.NationalId);
        if (query.After is { } after)
        {
            var newer = await Rows(mine.Where(x => x.Number > after).OrderBy(x => x.Number).Take(query.PageSize + 1)).ToListAsync(cancellation);
            var hasNewer = newer.Count > query.PageSize;
            var rows = newer.Take(query.PageSize).Reverse().ToList();
            return await PageAsync(mine, rows, hasNewer, hasOlder: true, cancellation);
        }

        var window = await Rows((query.Before is { } before ? mine.Where(x => x.Number < before) : mine)
            .OrderByDescending(x => x.Number).Take(query.PageSize + 1)).ToListAsync(cancellation);
        var hasOlder = window.Count > query.PageSize;
        return await PageAsync(mine, window.Take(query.PageSize).ToList(), hasNewer: query.Before is not null, hasOlder, cancellation);
    }

    public static async Task<TicketDetails?> Handle(GetTicket query, IQuerySession session, CancellationToken cancellation)
    {
        var found = await session.Query<Ticket>().FirstOrDefaultAsync(x => x.Number == query.Number, cancellation);
        if (found is null || (query.NationalId is { } nationalId && found.SubscriberNationalId != nationalId))
        {
            return null;
        }

        // The version is read before the contents, so the contents are never older than the version an
        // action will be checked against.
        var state = await session.Events.FetchStreamStateAsync(found.Id, cancellation);
        var ticket = (await session.LoadAsync<Ticket>(found.Id, cancellation))!;
        var timeline = query.NationalId is null ? ticket.Timeline : ticket.Timeline.Where(entry => entry.Kind != TicketEntryKind.InternalNote).ToList();
        return new TicketDetails(
            ticket.Id, ticket.Number, state!.Version, ticket.Subject, ticket.Status, ticket.SubscriberSim, ticket.SubscriberNationalId,
            ticket.Device, ticket.CorrectImeis, ticket.Fields, ticket.Description, ticket.AssignedAgent, ticket.OpenedAt, ticket.ResolvedAt,
            timeline, ticket.ImeisSeenOnNetwork ?? []);
    }

    public static async Task<AgentTicketPage> Handle(FindTicketsForAgents query, IQuerySession session, CancellationToken cancellation)
    {
        var tickets = session.Query<Ticket>().AsQueryable();
        if (query.Status is { } status)
        {
            tickets = tickets.Where(x => x.Status == status);
        }

        if (query.Subject is { } subject)
        {
            tickets = tickets.Where(x => x.Subject == subject);
        }

        if (query.From is { } from)
        {
            tickets = tickets.Where(x => x.OpenedAt >= from);
        }

        if (query.To is { } to)
        {
            tickets = tickets.Where(x => x.OpenedAt < to);
        }

        if (query.Search is { Length: > 0 } search)
        {
            var number = long.TryParse(search, out var parsed) ? parsed : -1;
            tickets = tickets.Where(x => x.Number == number || x.SubscriberSim == search || x.Imeis.Contains(search));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxAgentPageSize);
        var total = await tickets.CountAsync(cancellation);
        var page = await tickets.OrderByDescending(x => x.Number).Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize).ToListAsync(cancellation);
        return new AgentTicketPage(
            page.Select(x => new AgentTicketRow(x.Number, x.Subject, x.DeviceImei, x.SubscriberSim, x.OpenedAt, x.Status, x.AssignedAgent)).ToList(),
            total);
    }

    private static IQueryable<TicketRow> Rows(IQueryable<Ticket> tickets) =>
        tickets.Select(x => new TicketRow(x.Number, x.Subject, x.DeviceImei, x.OpenedAt, x.Status));

    private static async Task<TicketPage> PageAsync(IQueryable<Ticket> mine, List<TicketRow> rows, bool hasNewer, bool hasOlder, CancellationToken cancellation)
    {
        var newerCount = rows.Count > 0 && hasNewer ? await mine.CountAsync(x => x.Number > rows[0].Number, cancellation) : 0;
        return new TicketPage(rows, newerCount + 1, hasNewer, hasOlder);
    }
}
