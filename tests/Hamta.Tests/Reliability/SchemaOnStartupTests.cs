using Hamta.Host.Infrastructure;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Marten.Schema;
using Npgsql;

namespace Hamta.Tests.Reliability;

/// <summary>A restarted node compares the schema only when its configuration's fingerprint differs from the stored one.</summary>
public sealed class SchemaOnStartupTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private const string Index = "staff.mt_doc_signinsession_idx_subject";

    private IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    private SchemaOnStartup Startup => Host.Services.GetServices<IInitialData>().OfType<SchemaOnStartup>().Single();

    [Fact]
    public async Task A_start_with_the_stored_fingerprint_compares_nothing_and_one_with_another_brings_the_schema_up_to_date()
    {
        Assert.Equal(SchemaOnStartup.FingerprintOf(Store), await ScalarAsync<string>($"select fingerprint from {SchemaOnStartup.Table}"));

        await ExecuteAsync($"drop index {Index}");
        try
        {
            await Startup.Populate(Store, TestContext.Current.CancellationToken);
            Assert.False(await IndexExistsAsync());

            await ExecuteAsync($"update {SchemaOnStartup.Table} set fingerprint = 'an older configuration'");
            await Startup.Populate(Store, TestContext.Current.CancellationToken);
            Assert.True(await IndexExistsAsync());
            Assert.Equal(SchemaOnStartup.FingerprintOf(Store), await ScalarAsync<string>($"select fingerprint from {SchemaOnStartup.Table}"));
        }
        finally
        {
            await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }
    }

    private async Task<bool> IndexExistsAsync() => await ScalarAsync<bool>($"select to_regclass('{Index}') is not null");

    private async Task ExecuteAsync(string sql) => await ScalarAsync<object?>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
