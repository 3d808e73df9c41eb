using System.Text.Json;
using Hamta.Devices.Contracts;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Hamta.Devices.Importing.Uploads;

/// <summary>An upload waiting to be imported: its file as uploaded.</summary>
public sealed record PendingUpload(Guid Id, string FileName, string By, byte[] Content);

/// <summary>
/// <c>devices.declaration_uploads</c>: one row per declarations file uploaded on the portal, keyed by the file's id
/// (from its SHA-256, as the import's own record), holding the file until it is imported, the import's progress
/// while it runs and the refused lines once it is done. Progress is written by the import as it goes, from its
/// own connections, so any node's page reads it.
/// </summary>
public static class DeclarationUploads
{
    public static readonly PostgresqlObjectName Table = new(DevicesModule.Schema, "declaration_uploads", SchemaUtils.IdentifierUsage.General);

    private const string StatusColumns =
        "id, file_name, uploaded_by, uploaded_at, state, expected_lines, lines_read, accepted, refused, already_imported, finished_at";

    public static ISchemaObject SchemaObject()
    {
        var table = new Table(Table);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("file_name").NotNull();
        table.AddColumn<string>("uploaded_by").NotNull();
        table.AddColumn("uploaded_at", "timestamptz").NotNull();
        table.AddColumn<string>("state").NotNull();
        table.AddColumn<int>("expected_lines").NotNull();
        table.AddColumn<int>("lines_read").NotNull().DefaultValue(0);
        table.AddColumn<int>("accepted").NotNull().DefaultValue(0);
        table.AddColumn<int>("refused").NotNull().DefaultValue(0);
        table.AddColumn<bool>("already_imported").NotNull().DefaultValueByExpression("false");
        table.AddColumn("finished_at", "timestamptz");
        table.AddColumn("content", "bytea");
        table.AddColumn("refused_lines", "jsonb");
        table.Indexes.Add(new IndexDefinition("declaration_uploads_uploaded_at") { Columns = ["uploaded_at"] });
        return table;
    }

    /// <summary>Queues the upload in the session's transaction; a failed upload of the same file is started again.</summary>
    public static void Save(IDocumentSession session, Guid id, string fileName, string by, DateTimeOffset at, int expectedLines, byte[] content) =>
        session.QueueSqlCommand(
            $"""
            insert into {Table} (id, file_name, uploaded_by, uploaded_at, state, expected_lines, content) values (?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set file_name = excluded.file_name, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at,
                state = excluded.state, expected_lines = excluded.expected_lines, content = excluded.content,
                lines_read = 0, accepted = 0, refused = 0, finished_at = null, refused_lines = null
            """,
            id, fileName, by, at, nameof(UploadState.Waiting), expectedLines, content);

    public static async Task<UploadState?> StateAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        (await session.QueryAsync<string>($"select state from {Table} where id = ?", cancellation, id))
        .Select(state => (UploadState?)Enum.Parse<UploadState>(state)).SingleOrDefault();

    /// <summary>The upload's file, unless it is imported already (a message handled twice imports once).</summary>
    public static async Task<PendingUpload?> PendingAsync(IDocumentStore store, Guid id, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(store, cancellation);
        await using var command = new NpgsqlCommand(
            $"select id, file_name, uploaded_by, content from {Table} where id = $1 and state <> '{nameof(UploadState.Done)}' and content is not null", connection)
        {
            Parameters = { new NpgsqlParameter { Value = id } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation)
            ? new PendingUpload(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3))
            : null;
    }

    public static Task ProgressAsync(IDocumentStore store, Guid id, ImportProgress progress, CancellationToken cancellation) =>
        ExecuteAsync(store, $"update {Table} set state = $2, lines_read = $3, accepted = $4, refused = $5 where id = $1 and state <> '{nameof(UploadState.Done)}'",
            cancellation, id, (progress.Writing ? UploadState.Writing : UploadState.Reading).ToString(), progress.Read, progress.Accepted, progress.Refused);

    /// <summary>The import's outcome: its counts, its refused lines, and the file no longer kept.</summary>
    public static Task FinishAsync(IDocumentStore store, Guid id, ImportReport report, ImportProgress progress, DateTimeOffset at, CancellationToken cancellation)
    {
        var refused = report.Problems.Select(p => new RefusedDeclarationLine(p.Line, p.Field, p.Refusal.ToString(), p.Detail)).ToList();
        return ExecuteAsync(store,
            $"""
            update {Table} set state = $2, lines_read = $3, accepted = $4, refused = $5, already_imported = $6, finished_at = $7,
                refused_lines = $8, content = null
            where id = $1
            """,
            cancellation, id, nameof(UploadState.Done), progress.Read, report.Imported, refused.Count, report.AlreadyImported, at,
            new NpgsqlParameter { Value = JsonSerializer.Serialize(refused), NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    public static Task FailAsync(IDocumentStore store, Guid id, CancellationToken cancellation) =>
        ExecuteAsync(store, $"update {Table} set state = $2 where id = $1 and state <> '{nameof(UploadState.Done)}'", cancellation, id, nameof(UploadState.Failed));

    public static async Task<IReadOnlyList<DeclarationUploadStatus>> StatusesAsync(IQuerySession session, Guid? id, int count, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(session, cancellation);
        await using var command = new NpgsqlCommand(
            $"select {StatusColumns} from {Table} where $1::uuid is null or id = $1 order by uploaded_at desc limit $2", connection)
        {
            Parameters = { new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid }, new NpgsqlParameter { Value = count } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var statuses = new List<DeclarationUploadStatus>();
        while (await reader.ReadAsync(cancellation))
        {
            statuses.Add(new DeclarationUploadStatus(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), Enum.Parse<UploadState>(reader.GetString(4)),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetBoolean(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return statuses;
    }

    public static async Task<IReadOnlyList<RefusedDeclarationLine>> RefusedLinesAsync(IQuerySession session, Guid id, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(session, cancellation);
        await using var command = new NpgsqlCommand($"select refused_lines::text from {Table} where id = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = id } },
        };
        return await command.ExecuteScalarAsync(cancellation) is string json
            ? JsonSerializer.Deserialize<List<RefusedDeclarationLine>>(json) ?? []
            : [];
    }

    private static async Task ExecuteAsync(IDocumentStore store, string sql, CancellationToken cancellation, params object[] parameters)
    {
        await using var connection = await OpenAsync(store, cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellation);
    }

    private static ValueTask<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellation) =>
        ((PostgresqlDatabase)store.Storage.Database).DataSource.OpenConnectionAsync(cancellation);

    private static ValueTask<NpgsqlConnection> OpenAsync(IQuerySession session, CancellationToken cancellation) =>
        ((PostgresqlDatabase)session.Database).DataSource.OpenConnectionAsync(cancellation);
}
