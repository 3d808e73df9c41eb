using Npgsql;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Errors of a database that is away for a while (a failover: the primary killed, a standby being promoted, ADR 0013),
/// as opposed to errors of the statement itself: no server reachable, a broken connection, a server shutting down.
/// </summary>
public static class TransientDatabaseErrors
{
    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.IsTransient;
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is null or AggregateException:
                    return true;
            }
        }

        return false;
    }
}
