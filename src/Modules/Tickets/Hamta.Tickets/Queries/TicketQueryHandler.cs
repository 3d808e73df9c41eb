using Hamta.Tickets.Attachments;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using Marten;

namespace Hamta.Tickets.Queries;

public static class TicketQueryHandler
{
    public const int MaxAgentPageSize = 100;

    /// <summary>
    /// Keyset paging on the ticket number (numbers grow with time), so any page costs one index range scan;
    /// only the listed fields are read (compiled queries), and the rows before the page are counted only
    /// when there are any.
    /// </summary>
    public static async Task<TicketPage> Handle(FindMyTickets query, IQuerySession session, CancellationToken cancellation)
    {
        if (query.After is { } after)
        {
            var newer = (await session.QueryAsync(new MyTicketRowsAfter { NationalId = query.NationalId, After = after, Count = query.PageSize + 1 }, cancellation)).ToList();
            var hasNewer = newer.Count > query.PageSize;
            var rows = newer.Take(query.PageSize).Reverse().ToList();
            return await PageAsync(session, query.NationalId, rows, hasNewer, hasOlder: true, cancellation);
        }

        var window = (await session.QueryAsync(
            new MyTicketRowsBefore { NationalId = query.NationalId, Before = query.Before ?? long.MaxValue, Count = query.PageSize + 1 }, cancellation)).ToList();
        var hasOlder = window.Count > query.PageSize;
        return await PageAsync(session, query.NationalId, window.Take(query.PageSize).ToList(), hasNewer: query.Before is not null, hasOlder, cancellation);
    }

    public static async Task<TicketDetails?> Handle(GetTicket query, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
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
            timeline, ticket.ImeisSeenOnNetwork ?? [], ticket.ReopenableAt(clock.GetUtcNow()));
    }

    /// <summary>An attachment is found only through its ticket, and for a subscriber only through a ticket of theirs.</summary>
    public static async Task<TicketAttachmentFile?> Handle(GetTicketAttachment query, IQuerySession session, CancellationToken cancellation)
    {
        var ticket = await session.Query<Ticket>().FirstOrDefaultAsync(x => x.Number == query.Number, cancellation);
        return ticket is null || (query.NationalId is { } nationalId && ticket.SubscriberNationalId != nationalId)
            ? null
            : await TicketAttachments.ReadAsync(session, ticket.Id, query.AttachmentId, cancellation);
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

        if (query.AssignedTo is { } agent)
        {
            tickets = tickets.Where(x => x.AssignedAgent == agent);
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

    /// <summary>A page links to its neighbours through its first and last rows, so an empty page has none.</summary>
    private static async Task<TicketPage> PageAsync(IQuerySession session, string nationalId, List<TicketRow> rows, bool hasNewer, bool hasOlder, CancellationToken cancellation)
    {
        hasNewer &= rows.Count > 0;
        hasOlder &= rows.Count > 0;
        var newerCount = hasNewer
            ? await session.Query<Ticket>().CountAsync(x => x.SubscriberNationalId == nationalId && x.Number > rows[0].Number, cancellation)
            : 0;
        return new TicketPage(rows, newerCount + 1, hasNewer, hasOlder);
    }
}
