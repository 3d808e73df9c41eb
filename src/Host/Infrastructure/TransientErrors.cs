using System.Net.Sockets;
using Npgsql;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Errors that go away by themselves: the database shutting down or restarting (57P01-57P03), refusing
/// connections while it starts, a dropped or timed-out connection, a serialization failure. Anything else
/// is a bug and is not retried (ADR 0014).
/// </summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }:
                // A batch that failed half-way can leave a pooled connection expecting a statement it had prepared automatically.
                case PostgresException { SqlState: PostgresErrorCodes.InvalidSqlStatementName }:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case IOException:
                    return true;
            }
        }

        return false;
    }
}
