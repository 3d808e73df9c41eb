using Hamta.Devices.Contracts;
using JasperFx;
using Npgsql;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Recognises the database refusing a second claim on a unique key (an IMEI, say) that won a race
/// against the check before it; several rows of one transaction arrive as an aggregate.
/// </summary>
public static class DuplicateClaims
{
    public static bool Caused(Exception exception) => exception switch
    {
        DocumentAlreadyExistsException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: HeldImeis.Table } => true,
        { InnerException: { } inner } => Caused(inner),
        AggregateException aggregate => aggregate.InnerExceptions.All(Caused),
        _ => false,
    };
}
