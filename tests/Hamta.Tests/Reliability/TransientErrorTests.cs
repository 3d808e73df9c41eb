using System.Net.Sockets;
using Hamta.Host.Infrastructure;
using Hamta.Kernel.Notifications;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;
using Npgsql;
using Wolverine.Tracking;

namespace Hamta.Tests.Reliability;

/// <summary>A database blip delays a message; it never loses it to the dead letters.</summary>
public sealed class TransientErrorTests(HamtaFixture fixture) : LoginTest(fixture)
{
    private static PostgresException Postgres(string sqlState) => new("injected", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("57P03")]
    [InlineData("57P01")]
    [InlineData("57P02")]
    [InlineData("08006")]
    [InlineData("40001")]
    public void The_database_starting_shutting_down_or_dropping_the_connection_is_transient(string sqlState) =>
        Assert.True(TransientErrors.IsTransient(new InvalidOperationException("wrapped", Postgres(sqlState))));

    [Fact]
    public void A_refused_connection_or_a_timeout_is_transient()
    {
        Assert.True(TransientErrors.IsTransient(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(TransientErrors.IsTransient(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
    }

    public static TheoryData<Exception> WhileAFailoverLasts() =>
    [
        new NpgsqlException("No suitable host was found."),
        new NpgsqlException("Unable to connect to a suitable host.", new AggregateException(new SocketException())),
        new NpgsqlException("Exception while reading from stream", new IOException("connection reset")),
        new InvalidOperationException("Marten Command Failure", new NpgsqlException("No suitable host was found.")),
    ];

    public static TheoryData<Exception> OfTheStatementItself() =>
    [
        new InvalidOperationException("Marten Command Failure", new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError)),
        new NpgsqlException("Invalid cast", new InvalidCastException()),
    ];

    [Theory]
    [MemberData(nameof(WhileAFailoverLasts))]
    public void A_database_failing_over_is_transient(Exception exception) =>
        Assert.True(TransientErrors.IsTransient(exception));

    [Theory]
    [MemberData(nameof(OfTheStatementItself))]
    public void An_error_of_the_statement_itself_is_not_transient(Exception exception) =>
        Assert.False(TransientErrors.IsTransient(exception));

    [Theory]
    [InlineData("23505")]
    [InlineData("23514")]
    [InlineData("42P01")]
    public void A_broken_rule_or_a_bug_is_not_transient(string sqlState)
    {
        Assert.False(TransientErrors.IsTransient(Postgres(sqlState)));
        Assert.False(TransientErrors.IsTransient(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void The_retries_in_process_ride_a_minute_long_outage_before_the_scheduled_ones()
    {
        Assert.True(Messaging.TransientCooldowns.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait) > TimeSpan.FromSeconds(60));
        Assert.NotEmpty(Messaging.TransientScheduledRetries);
    }

    [Fact]
    public async Task An_sms_whose_insert_meets_a_restarting_database_is_sent_once_after_a_retry()
    {
        await using var fault = await DatabaseFault.FailInsertsAsync(Host, "notifications.mt_doc_smsmessage", "57P03", times: 1);

        var tracked = await Host.ExecuteAndWaitAsync(context => context.PublishAsync(new SendSms(SecondUserSim, "آزمون پیامک", SmsKind.Notice)).AsTask());

        Assert.Equal(2, await fault.HitsAsync());
        Assert.Single(await SmsTo(SecondUserSim, SmsKind.Notice), sms => sms.Text == "آزمون پیامک");
        Assert.Empty(tracked.MovedToErrorQueue.Envelopes());
    }
}
