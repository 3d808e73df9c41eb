using Marten;

namespace Hamta.Kernel.Auditing;

/// <summary>What the audit found for one read model: the streams (stream ids, or IMEIs) whose stored state differs from what their events say.</summary>
public sealed record ProjectionAuditReport(string Module, string Projection, long EventsReplayed, int DocumentsCompared, IReadOnlyList<string> Differences, TimeSpan Took);

/// <summary>
/// A read model a module lets the audit prove from the events (or changes) it is built from; each module registers
/// its own as services of this type. The live read model is only read.
/// </summary>
public interface IReadModelAudit
{
    string Module { get; }

    /// <param name="stream">Only this stream: a stream id, or an IMEI for state kept per IMEI; null for all. A key that is not of the audit's kind compares nothing.</param>
    Task<ProjectionAuditReport> RunAsync(IQuerySession session, string? stream, CancellationToken cancellation);
}
