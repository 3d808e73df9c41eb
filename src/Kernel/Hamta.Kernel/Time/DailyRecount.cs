using Npgsql;

namespace Hamta.Kernel.Time;

/// <summary>
/// A recurring count of pre-counted daily rows (ADR 21), in one transaction under an advisory lock on its table: it reads
/// when the rows were last counted (and, the first time only, the earliest data), then counts again from the first day
/// <see cref="CountingWindow"/> gives up to today, so that two nodes' jobs never count the same days side by side.
/// </summary>
public static class DailyRecount
{
    /// <param name="connection">an open connection</param>
    /// <param name="table">the counted rows' table, locked by its name</param>
    /// <param name="countedAt">a query of one value: when the rows were last counted, null the first time</param>
    /// <param name="earliest">a query of one value, run only the first time: the time of the earliest data, null when there is none</param>
    /// <param name="days">the last days counted again at least, today included</param>
    /// <param name="recount">
    /// the statements that count again, with <c>@first</c> (the first Tehran day), <c>@from</c> and <c>@to</c> (the bounds
    /// of the Tehran days from it to today) and <c>@now</c>
    /// </param>
    public static async Task RunAsync(
        NpgsqlConnection connection,
        string table,
        string countedAt,
        string earliest,
        int days,
        string recount,
        DateTimeOffset now,
        CancellationToken cancellation,
        params NpgsqlParameter[] parameters)
    {
        var today = JalaliDate.TehranDay(now);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var turn = new NpgsqlCommand($"select pg_advisory_xact_lock(hashtext('{table}'))", connection, transaction))
        {
            await turn.ExecuteNonQueryAsync(cancellation);
        }

        var counted = await TimeAsync(countedAt, connection, transaction, cancellation);
        var earliestDay = counted is null && await TimeAsync(earliest, connection, transaction, cancellation) is { } at ? JalaliDate.TehranDay(at) : (DateOnly?)null;
        var first = CountingWindow.FirstDay(today, days, counted, earliestDay);

        await using var count = new NpgsqlCommand(recount, connection, transaction);
        count.Parameters.Add(new NpgsqlParameter("first", first));
        count.Parameters.Add(new NpgsqlParameter("from", JalaliDate.StartOfDay(first)));
        count.Parameters.Add(new NpgsqlParameter("to", JalaliDate.StartOfDay(today.AddDays(1))));
        count.Parameters.Add(new NpgsqlParameter("now", now));
        count.Parameters.AddRange(parameters);
        await count.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>The one time <paramref name="sql"/> gives, or null.</summary>
    private static async Task<DateTimeOffset?> TimeAsync(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        return await reader.ReadAsync(cancellation) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }
}
