using System.Security.Cryptography;
using System.Text;
using Marten;
using Marten.Schema;
using Npgsql;
using Weasel.Core.Migrations;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Marten's schema on start-up, compared only when it changed (ADR 0014): a fingerprint of the creation script of
/// every table, function and sequence Marten is configured with is kept in <see cref="Table"/> once they are applied.
/// A node whose configuration gives the stored fingerprint serves without comparing the database table by table
/// (1.3–3.5 s of a restart under load); any other applies the differences first and stores the new fingerprint.
/// Nodes starting together take turns under an advisory lock. It is the first of Marten's start-up steps, before the
/// modules' own (their views and migrations need the tables).
/// </summary>
public sealed partial class SchemaOnStartup(ILogger<SchemaOnStartup> logger) : IInitialData
{
    public const string Table = "hamta.schema_fingerprint";

    private const long LockId = 0x48616d7461;

    /// <summary>The fingerprint of the schema this node's configuration describes.</summary>
    public static string FingerprintOf(IDocumentStore store) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(store.Storage.ToDatabaseScript())));

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var expected = FingerprintOf(store);
        var database = (DatabaseBase<NpgsqlConnection>)store.Storage.Database;
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await ExecuteAsync(connection, $"select pg_advisory_xact_lock({LockId})", cancellation);
        if (await StoredAsync(connection, cancellation) == expected)
        {
            database.MarkAllFeaturesAsChecked();
            Unchanged(logger);
            return;
        }

        await database.ApplyAllConfiguredChangesToDatabaseAsync(ct: cancellation);
        await ExecuteAsync(connection, $"""
            create schema if not exists hamta;
            create table if not exists {Table} (id int primary key, fingerprint text not null, applied_at timestamptz not null);
            insert into {Table} values (1, '{expected}', now()) on conflict (id) do update set fingerprint = excluded.fingerprint, applied_at = excluded.applied_at
            """, cancellation);
        await transaction.CommitAsync(cancellation);
        Applied(logger);
    }

    private static async Task<string?> StoredAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        await using var exists = new NpgsqlCommand($"select to_regclass('{Table}') is not null", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellation))!)
        {
            return null;
        }

        await using var stored = new NpgsqlCommand($"select fingerprint from {Table} where id = 1", connection);
        return await stored.ExecuteScalarAsync(cancellation) as string;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The database schema matches this configuration's fingerprint: not compared")]
    private static partial void Unchanged(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database schema was compared with this configuration and brought up to date")]
    private static partial void Applied(ILogger logger);
}
