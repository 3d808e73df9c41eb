using Npgsql;

namespace Hamta.Testing;

/// <summary>A fresh database on the test PostgreSQL server (scripts/test.sh starts it), dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string ServerVariable = "HAMTA_TEST_CONNECTION";
    private readonly string serverConnection;

    private TestDatabase(string serverConnection, string name)
    {
        this.serverConnection = serverConnection;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
        var database = new TestDatabase(server, $"hamta_{purpose}_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
