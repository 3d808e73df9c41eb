using Marten;

namespace Hamta.Kernel.Auditing;

public enum HistoryKind
{
    Imei,
    Sim,
    Ticket,
}

/// <summary>One event as an auditor reads it: when, which, who or what caused it, and its data.</summary>
public sealed record HistoryEntry(long Version, DateTimeOffset At, string Event, string Actor, string Cause, string? CorrelationId, string Data);

/// <summary>
/// A stream's history and its state after a chosen version (time travel); <see cref="Source"/> names the module's
/// history it came from, <see cref="FormerImei"/> says the device was found by an IMEI it no longer has.
/// </summary>
public sealed record StreamHistoryView(
    string Source, string Stream, string Aggregate, IReadOnlyList<HistoryEntry> Events, long StateVersion, string State, bool FormerImei = false);

/// <summary>
/// What a module shows of an IMEI, a SIM or a ticket on the history page: each module registers its own as services
/// of this type, and an IMEI may have several (the device's stream, its enforcement changes).
/// </summary>
public interface IHistorySource
{
    HistoryKind Kind { get; }

    /// <summary>A stable name of this history, used in links to a version of it.</summary>
    string Source { get; }

    /// <summary>The history behind <paramref name="key"/> with the state after <paramref name="version"/> (the last when null), or null when there is none.</summary>
    Task<StreamHistoryView?> FindAsync(IQuerySession session, string key, long? version, CancellationToken cancellation);
}
