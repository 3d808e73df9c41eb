using Hamta.Kernel.Auditing;
using Marten;

namespace Hamta.Host.Auditing;

/// <summary>
/// Proves the read models from what they are built from: each module registers its read models' audits
/// (<see cref="IReadModelAudit"/>), and this runs them, all or one module's, on one query session.
/// </summary>
public sealed class ProjectionAudit(IDocumentStore store, IEnumerable<IReadModelAudit> audits)
{
    public IEnumerable<string> Modules => audits.Select(a => a.Module).Distinct();

    public async Task<IReadOnlyList<ProjectionAuditReport>> RunAsync(string? module, string? stream, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var reports = new List<ProjectionAuditReport>();
        foreach (var audit in audits.Where(a => module is null || string.Equals(a.Module, module, StringComparison.OrdinalIgnoreCase)))
        {
            reports.Add(await audit.RunAsync(session, stream, cancellation));
        }

        return reports;
    }
}
