using Marten;

namespace Hamta.Kernel.Reads;

/// <summary>
/// Query sessions for the anonymous, high-volume reads that may be answered by a PostgreSQL standby at most a
/// configured staleness behind the primary, or by the primary when no standby is fresh enough (ADR 0016).
/// Never for a read that a decision or a write rests on: those take the handler's own session.
/// </summary>
public interface IStandbyReads
{
    /// <summary>A session the caller disposes.</summary>
    IQuerySession QuerySession();
}
