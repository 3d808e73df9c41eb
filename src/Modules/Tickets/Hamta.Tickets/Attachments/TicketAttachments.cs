using Hamta.Tickets.Contracts;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Hamta.Tickets.Attachments;

/// <summary>
/// <c>tickets.attachments</c>: one insert-only row per attached file, its bytes in a <c>bytea</c> column, keyed
/// to its ticket. The ticket's events name the files (id, name, type, size); the bytes stay out of the event
/// store and the ticket documents (ADR 22).
/// </summary>
public static class TicketAttachments
{
    public static readonly PostgresqlObjectName Table = new(TicketsModule.Schema, "attachments", SchemaUtils.IdentifierUsage.General);

    public static ISchemaObject SchemaObject()
    {
        var table = new Table(Table);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<Guid>("ticket_id").NotNull();
        table.AddColumn<string>("file_name").NotNull();
        table.AddColumn<string>("content_type").NotNull();
        table.AddColumn("content", "bytea").NotNull();
        table.AddColumn("uploaded_at", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition("attachments_ticket_id") { Columns = ["ticket_id"] });
        return table;
    }

    /// <summary>Queues the files in the session's transaction, the one that appends the event naming them.</summary>
    public static IReadOnlyList<AttachmentInfo> Store(IDocumentSession session, Guid ticketId, IReadOnlyList<AcceptedAttachment> files, DateTimeOffset at)
    {
        var stored = new List<AttachmentInfo>();
        foreach (var file in files)
        {
            var id = Guid.CreateVersion7(at);
            session.QueueSqlCommand(
                $"insert into {Table} (id, ticket_id, file_name, content_type, content, uploaded_at) values (?, ?, ?, ?, ?, ?)",
                id, ticketId, file.FileName, file.ContentType, file.Content, at);
            stored.Add(new AttachmentInfo(id, file.FileName, file.ContentType, file.Content.Length));
        }

        return stored;
    }

    public static async Task<TicketAttachmentFile?> ReadAsync(IQuerySession session, Guid ticketId, Guid id, CancellationToken cancellation)
    {
        await using var connection = await ((PostgresqlDatabase)session.Database).DataSource.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand($"select file_name, content_type, content from {Table} where id = $1 and ticket_id = $2", connection)
        {
            Parameters = { new NpgsqlParameter { Value = id }, new NpgsqlParameter { Value = ticketId } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation)
            ? new TicketAttachmentFile(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2))
            : null;
    }
}
