using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hamta.Tests.Reliability;

/// <summary>
/// A fault put into the test database: every insert into a table (or every update of chosen rows) fails with the given
/// SQLSTATE, the first <c>times</c> of them or all; gone again when disposed.
/// </summary>
public sealed class DatabaseFault : IAsyncDisposable
{
    private readonly IDocumentStore store;

    private DatabaseFault(IDocumentStore store) => this.store = store;

    public static Task<DatabaseFault> FailInsertsAsync(IAlbaHost host, string table, string sqlState, int? times = null) =>
        FailAsync(host, $"insert on {table} for each row", sqlState, times);

    /// <summary>Every update of a table whose new row meets <paramref name="when"/> (SQL over <c>new</c>) fails, the first <c>times</c> of them or all.</summary>
    public static Task<DatabaseFault> FailUpdatesAsync(IAlbaHost host, string table, string when, string sqlState, int? times = null) =>
        FailAsync(host, $"update on {table} for each row when ({when})", sqlState, times);

    private static async Task<DatabaseFault> FailAsync(IAlbaHost host, string trigger, string sqlState, int? times)
    {
        var fault = new DatabaseFault(host.Services.GetRequiredService<IDocumentStore>());
        var limit = times is { } count ? $"nextval('public.test_fault_count') <= {count}" : "true";
        await fault.ExecuteAsync($"""
            drop sequence if exists public.test_fault_count;
            create sequence public.test_fault_count;
            create or replace function public.test_fault() returns trigger language plpgsql as $$
            begin
              if {limit} then
                raise exception 'injected by a test' using errcode = '{sqlState}';
              end if;
              return new;
            end $$;
            create trigger test_fault before {trigger} execute function public.test_fault();
            """);
        return fault;
    }

    /// <summary>How many inserts reached the fault (failed or let through), when it counts them.</summary>
    public async Task<long> HitsAsync()
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select last_value from public.test_fault_count", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select string_agg(format('drop trigger test_fault on %s', tgrelid::regclass), ';') from pg_trigger where tgname = 'test_fault'", connection);
        if (await command.ExecuteScalarAsync() is string drops)
        {
            await using var drop = new NpgsqlCommand(drops, connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using var function = new NpgsqlCommand("drop function if exists public.test_fault(); drop sequence if exists public.test_fault_count", connection);
        await function.ExecuteNonQueryAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
