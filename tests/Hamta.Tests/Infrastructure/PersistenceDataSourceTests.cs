using Hamta.Host.Infrastructure;

namespace Hamta.Tests.Infrastructure;

public sealed class PersistenceDataSourceTests
{
    [Fact]
    public void Several_hosts_with_a_target_session_give_that_targets_data_source()
    {
        using var dataSource = Persistence.DataSource("Host=127.0.0.1:55452,127.0.0.1:55453;Username=postgres;Database=hamta;Target Session Attributes=primary");

        Assert.Contains("127.0.0.1:55453", dataSource.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("Target Session Attributes", dataSource.ConnectionString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void One_host_without_a_target_session_is_an_ordinary_data_source()
    {
        using var dataSource = Persistence.DataSource("Host=127.0.0.1;Port=55433;Username=postgres;Database=hamta");

        Assert.Equal("Host=127.0.0.1;Port=55433;Username=postgres;Database=hamta", dataSource.ConnectionString);
    }

    [Fact]
    public void The_portals_connections_give_up_opening_and_cancelling_in_time_for_a_cancelled_page_to_answer_within_its_limit()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(Persistence.Tuned("Host=127.0.0.1;Port=55433;Username=postgres;Database=hamta"));

        Assert.Equal(Persistence.ConnectTimeoutSeconds, tuned.Timeout);
        Assert.Equal(Persistence.CancellationTimeoutSeconds * 1000, tuned.CancellationTimeout);
        Assert.True(Web.PageCancelledAfter + TimeSpan.FromSeconds(tuned.Timeout) + TimeSpan.FromMilliseconds(tuned.CancellationTimeout) <= Web.PageAnswerLimit);
    }
}
