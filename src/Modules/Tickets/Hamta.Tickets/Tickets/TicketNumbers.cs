using Marten;
using Weasel.Postgresql;


namespace Hamta.Tickets.Tickets;

/// <summary>Ticket numbers: short, unique and increasing, from a PostgreSQL sequence shared by every node.</summary>
public static class TicketNumbers
{
    public const long First = 100_001;
    public static readonly PostgresqlObjectName Sequence = new(TicketsModule.Schema, "ticket_numbers", SchemaUtils.IdentifierUsage.General);

    public static Sequence SchemaObject() => new(Sequence, First);

    public static async Task<long> NextAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.QueryAsync<long>($"select nextval('{Sequence.QualifiedName}')", cancellation)).Single();
}
