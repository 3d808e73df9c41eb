using System.Net.Sockets;
using Npgsql;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Errors that go away by themselves: the database restarting, refusing connections while it starts,
/// a dropped or timed-out connection. Anything else is a bug and is not retried (ADR 0013).
/// </summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
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
