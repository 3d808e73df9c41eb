using Hamta.Host.Infrastructure;
using Hamta.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hamta.Tests.Security;

/// <summary>A statement the server refuses must not leave its pooled connection broken for whoever takes it next.</summary>
public sealed class ConnectionPoolTests
{
    [Fact]
    public async Task A_refused_statement_leaves_the_pooled_connection_fit_for_the_next_request()
    {
        await using var database = await TestDatabase.CreateAsync("pool");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Hamta"] = database.ConnectionString })
            .Build();
        var settings = new NpgsqlConnectionStringBuilder(configuration.ConnectionString()) { MaxPoolSize = 1 };
        await using var source = NpgsqlDataSource.Create(settings.ConnectionString);
        var cancellation = TestContext.Current.CancellationToken;

        for (var round = 0; round < 5; round++)
        {
            await using (var connection = await source.OpenConnectionAsync(cancellation))
            await using (var refused = new NpgsqlCommand("SELECT $1::text, $2::text", connection))
            {
                refused.Parameters.Add(new NpgsqlParameter { Value = "fine" });
                refused.Parameters.Add(new NpgsqlParameter { Value = "bad\0" });
                await Assert.ThrowsAsync<PostgresException>(() => refused.ExecuteScalarAsync(cancellation));
            }

            await using (var connection = await source.OpenConnectionAsync(cancellation))
            await using (var next = new NpgsqlCommand("SELECT $1::text, $2::text", connection))
            {
                next.Parameters.Add(new NpgsqlParameter { Value = "fine" });
                next.Parameters.Add(new NpgsqlParameter { Value = "also fine" });
                Assert.Equal("fine", await next.ExecuteScalarAsync(cancellation));
            }
        }
    }
}
