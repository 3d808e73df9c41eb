using Npgsql;

namespace Hamta.Kernel.Time;

/// <summary>
/// A recurring count of pre-counted daily rows (ADR 21), in one transaction under an advisory lock on its table: it reads
/// when the rows were last counted and the earliest data, then counts again from the first day <see cref="CountingWindow"/>
/// gives up to today, so that two nodes' jobs never count the same days side by side.
/// </summary>
public static class DailyRecount
{
    /// <param name="connection">an open connection</param>
    /// <param name="table">the counted rows' table, locked by its name</param>
    /// <param name="previous">
    /// a query of one row: when the rows were last counted (null the first time) and the time of the earliest data (null when
    /// there is none, or when it is not needed because they were counted before)
    /// </param>
    /// <param name="days">the last days counted again at least, today included</param>
    /// <param name="recount">
    /// the statements that count again, with <c>@first</c> (the first Tehran day), <c>@from</c> and <c>@to</c> (the bounds
    /// of the Tehran days from it to today) and <c>@now</c>
    /// </param>
    public static async Task RunAsync(
        NpgsqlConnection connection,
        string table,
        string previous,
        int days,
        string recount,
        DateTimeOffset now,
        CancellationToken cancellation,
        params NpgsqlParameter[] parameters)
    {
        var today = JalaliDate.TehranDay(now);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        DateOnly first;
        await using (var read = new NpgsqlCommand($"select pg_advisory_xact_lock(hashtext('{table}')); {previous}", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellation))
        {
            await reader.NextResultAsync(cancellation);
            await reader.ReadAsync(cancellation);
            var countedAt = reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
            var earliest = reader.IsDBNull(1) ? (DateOnly?)null : JalaliDate.TehranDay(reader.GetFieldValue<DateTimeOffset>(1));
            first = CountingWindow.FirstDay(today, days, countedAt, earliest);
        }

        await using var count = new NpgsqlCommand(recount, connection, transaction);
        count.Parameters.Add(new NpgsqlParameter("first", first));
        count.Parameters.Add(new NpgsqlParameter("from", JalaliDate.StartOfDay(first)));
        count.Parameters.Add(new NpgsqlParameter("to", JalaliDate.StartOfDay(today.AddDays(1))));
        count.Parameters.Add(new NpgsqlParameter("now", now));
        count.Parameters.AddRange(parameters);
        await count.ExecuteNonQueryAsync(cancellation);
        await transaction.CommitAsync(cancellation);
    }
}
