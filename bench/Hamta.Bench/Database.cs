using System.Diagnostics;
using Npgsql;

namespace Hamta.Bench;

/// <summary>The bench's own connection to its PostgreSQL: a fresh database per run, plain SQL, statistics.</summary>
public sealed class Database(int port, string name)
{
    public string ConnectionString { get; } = $"Host=127.0.0.1;Port={port};Username=postgres;Database={name};Timeout=30;Command Timeout=0;Max Auto Prepare=20";

    public string Name => name;

    public int Port => port;

    public static async Task<Database> CreateFreshAsync(int port, string name)
    {
        await using (var admin = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres"))
        {
            await admin.OpenAsync();
            await Execute(admin, $"drop database if exists {name} with (force)");
            await Execute(admin, $"create database {name}");
        }

        var database = new Database(port, name);
        await database.ExecuteAsync("create extension if not exists pg_stat_statements");
        return database;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await Execute(connection, sql);
    }

    /// <summary>Runs the SQL and returns how long PostgreSQL took, as the client saw it.</summary>
    public async Task<TimeSpan> TimeAsync(string sql)
    {
        await using var connection = await OpenAsync();
        var watch = Stopwatch.StartNew();
        await Execute(connection, sql);
        return watch.Elapsed;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public Task ResetStatementsAsync() => ExecuteAsync("select pg_stat_statements_reset()");

    /// <summary>Where PostgreSQL spent its time since the last reset: the top statements by total time.</summary>
    public async Task<IReadOnlyList<string>> TopStatementsAsync(int count)
    {
        var rows = await RowsAsync($"""
            select calls, round(total_exec_time::numeric, 0), round(mean_exec_time::numeric, 2), rows,
                   regexp_replace(left(query, 160), '\s+', ' ', 'g')
            from pg_stat_statements
            where query not ilike '%pg_stat_statements%' and query not ilike '%bench\_%' and query not ilike 'vacuum%'
            order by total_exec_time desc limit {count}
            """);
        return rows.Select(r => $"{r[1]} ms total, {r[0]} calls, {r[2]} ms mean, {r[3]} rows: `{((string)r[4]).Replace("`", "'", StringComparison.Ordinal)}`").ToList();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
