using System.Net.Sockets;
using Hamta.Host.Infrastructure;
using Npgsql;

namespace Hamta.Tests.Infrastructure;

public sealed class TransientDatabaseErrorsTests
{
    public static TheoryData<Exception> WhileAFailoverLasts() =>
    [
        new NpgsqlException("No suitable host was found."),
        new NpgsqlException("Unable to connect to a suitable host.", new AggregateException(new SocketException())),
        new NpgsqlException("Exception while reading from stream", new IOException("connection reset")),
        new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown),
        new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow),
        new InvalidOperationException("Marten Command Failure", new NpgsqlException("No suitable host was found.")),
    ];

    public static TheoryData<Exception> OfTheStatementItself() =>
    [
        new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation),
        new InvalidOperationException("Marten Command Failure", new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError)),
        new NpgsqlException("Invalid cast", new InvalidCastException()),
        new InvalidOperationException("not a database error"),
    ];

    [Theory]
    [MemberData(nameof(WhileAFailoverLasts))]
    public void A_database_that_is_away_for_a_while_is_retried(Exception exception) =>
        Assert.True(TransientDatabaseErrors.Caused(exception));

    [Theory]
    [MemberData(nameof(OfTheStatementItself))]
    public void An_error_of_the_statement_itself_is_not(Exception exception) =>
        Assert.False(TransientDatabaseErrors.Caused(exception));
}
