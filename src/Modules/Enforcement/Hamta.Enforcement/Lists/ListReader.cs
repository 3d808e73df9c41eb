using System.Data;
using System.Globalization;
using System.Text.Json;
using Hamta.Enforcement.Contracts;
using Npgsql;

namespace Hamta.Enforcement.Lists;

/// <summary>
/// Serves the published lists to operators, streamed: the full list as CSV straight from <c>COPY … TO STDOUT</c>, a
/// delta as JSON written row by row while PostgreSQL folds the changes. Neither holds a list in memory. Each read is
/// one repeatable-read transaction, so its version and its rows agree even while a publication commits.
/// </summary>
public sealed class ListReader(NpgsqlDataSource dataSource) : IOperatorLists
{
    /// <summary>The latest version of every list and operator.</summary>
    public async Task<IReadOnlyList<ListVersion>> VersionsAsync(CancellationToken cancellation)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"""
            select distinct on (list, operator) list, operator, version, size, adds, removes, published_at
            from {ListStorage.Versions} order by list, operator, version desc
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var versions = new List<ListVersion>();
        while (await reader.ReadAsync(cancellation))
        {
            versions.Add(new ListVersion(EnforcementLists.Parse(reader.GetString(0))!.Value, reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return versions;
    }

    /// <summary>Opens a read of one operator's view of a list at its current version.</summary>
    public async Task<IOperatorListRead> OpenAsync(EnforcementList list, string operatorName, CancellationToken cancellation)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellation);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellation);
            var owner = list.IsPerOperator() ? operatorName : "";
            await using var command = new NpgsqlCommand(
                $"set local timezone = 'UTC'; select coalesce(max(version), 0) from {ListStorage.Versions} where list = @list and operator = @operator",
                connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("list", list.Name()));
            command.Parameters.Add(new NpgsqlParameter("operator", owner));
            var version = (long)(await command.ExecuteScalarAsync(cancellation))!;
            return new ListRead(connection, transaction, list, owner, version);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

/// <summary>One read of a list at <see cref="Version"/>, on its own transaction.</summary>
public sealed class ListRead(NpgsqlConnection connection, NpgsqlTransaction transaction, EnforcementList list, string operatorName, long version) : IOperatorListRead
{
    public EnforcementList List { get; } = list;

    public long Version { get; } = version;

    /// <summary>The columns each list shows, as in its CSV header.</summary>
    public static IReadOnlyList<string> ColumnsOf(EnforcementList list) => list switch
    {
        EnforcementList.Block => ["imei", "condition", "reason"],
        EnforcementList.Notification => ["imei", "imsi", "msisdn", "condition", "reason", "deadline"],
        EnforcementList.Exception => ["imei", "imsi"],
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>Copies the whole list as CSV with a header row, sorted by IMEI, to <paramref name="target"/>.</summary>
    public async Task CopyCsvAsync(TextWriter target, CancellationToken cancellation)
    {
        var columns = string.Join(", ", ColumnsOf(List));
        using var reader = await connection.BeginTextExportAsync(
            $"copy (select {columns} from {ListStorage.Entries} where list = {Literal(List.Name())} and operator = {Literal(operatorName)} "
            + $"order by {columns}) to stdout with (format csv, header)", cancellation);
        var buffer = new char[32 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellation)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellation);
        }
    }

    public async Task<bool> KeepsChangesSinceAsync(long since, CancellationToken cancellation)
    {
        if (since == 0)
        {
            return true;
        }

        await using var command = new NpgsqlCommand(
            $"select not exists (select from {ListStorage.Versions} where list = @list and operator = @operator and version > @since and version <= @version and pruned)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("list", List.Name()));
        command.Parameters.Add(new NpgsqlParameter("operator", operatorName));
        command.Parameters.Add(new NpgsqlParameter("since", since));
        command.Parameters.Add(new NpgsqlParameter("version", Version));
        return (bool)(await command.ExecuteScalarAsync(cancellation))!;
    }

    /// <summary>
    /// Writes the delta from <paramref name="since"/> to this version as JSON: the rows to remove, then the rows to add.
    /// A row added and removed in between (or removed and added back) nets out and is not sent.
    /// </summary>
    public async Task WriteDeltaAsync(Utf8JsonWriter json, long since, CancellationToken cancellation)
    {
        // Removes and adds come as two result sets of one batch, in no particular order within each: a delta of a
        // national list is as large as the day's changes, and sorting it would cost more than reading it.
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { DeltaCommand(since, removes: true), DeltaCommand(since, removes: false) },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellation);
        json.WriteStartObject();
        json.WriteString("list", List.Name());
        json.WriteNumber("since", since);
        json.WriteNumber("version", Version);
        await WriteRowsAsync(json, "removes", reader, cancellation);
        await reader.NextResultAsync(cancellation);
        await WriteRowsAsync(json, "adds", reader, cancellation);
        json.WriteEndObject();
        await json.FlushAsync(cancellation);
    }

    /// <summary>
    /// A delta from 0 is the list as published, read from its entries (the first versions' changes may be pruned). One
    /// version's changes are a set difference, so no row comes twice in them and they need no netting; changes over
    /// several versions are netted per row.
    /// </summary>
    private NpgsqlBatchCommand DeltaCommand(long since, bool removes)
    {
        var command = new NpgsqlBatchCommand((since, Version - since) switch
        {
            (0, _) => $"select {ListStorage.RowColumns} from {ListStorage.Entries} where list = $1 and operator = $2 and {(removes ? "false" : "true")}",
            (_, 1) => $"""
              select {ListStorage.RowColumns} from {ListStorage.Changes}
              where list = $1 and operator = $2 and version = $4 and change = '{(removes ? "remove" : "add")}'
              """,
            _ => $"""
              select {ListStorage.RowColumns} from {ListStorage.Changes}
              where list = $1 and operator = $2 and version > $3 and version <= $4
              group by {ListStorage.RowColumns}
              having sum(case change when 'add' then 1 else -1 end) {(removes ? "<" : ">")} 0
              """,
        });
        command.Parameters.Add(new NpgsqlParameter { Value = List.Name() });
        command.Parameters.Add(new NpgsqlParameter { Value = operatorName });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        command.Parameters.Add(new NpgsqlParameter { Value = Version });
        return command;
    }

    private async Task WriteRowsAsync(Utf8JsonWriter json, string name, NpgsqlDataReader reader, CancellationToken cancellation)
    {
        json.WriteStartArray(name);
        while (await reader.ReadAsync(cancellation))
        {
            WriteRow(json, reader);
            if (json.BytesPending > 16 * 1024)
            {
                await json.FlushAsync(cancellation);
            }
        }

        json.WriteEndArray();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private void WriteRow(Utf8JsonWriter json, NpgsqlDataReader reader)
    {
        json.WriteStartObject();
        json.WriteString("imei", reader.GetString(0));
        if (List != EnforcementList.Block)
        {
            json.WriteString("imsi", reader.GetString(1));
        }

        if (List == EnforcementList.Notification)
        {
            json.WriteString("msisdn", reader.GetString(2));
        }

        if (List != EnforcementList.Exception)
        {
            json.WriteString("condition", reader.GetString(3));
            json.WriteString("reason", reader.GetString(4));
        }

        if (List == EnforcementList.Notification)
        {
            json.WriteString("deadline", reader.GetFieldValue<DateTimeOffset>(5).ToString("O", CultureInfo.InvariantCulture));
        }

        json.WriteEndObject();
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
