using System.Globalization;

namespace Hamta.Sim.Contracts;

public enum DumpOutcome
{
    Imported,
    Refused,
    AlreadyImported,
    Unreadable,
}

/// <summary>One check of a dump: how many rows failed it, their share, and the largest share allowed.</summary>
public sealed record DumpCheck(string Name, long Rows, double Share, double Threshold)
{
    public bool Passed => Share <= Threshold;
}

/// <summary>What became of a dump, with every check measured (ADR 18).</summary>
public sealed record DumpReport(DumpOutcome Outcome, string Sha256, long Rows, long Stored, long Duplicates, IReadOnlyList<DumpCheck> Checks, string? Problem = null)
{
    public IEnumerable<string> Lines()
    {
        yield return Outcome switch
        {
            DumpOutcome.Imported => $"Imported: {Rows} row(s), {Stored} stored, {Duplicates} already stored.",
            DumpOutcome.Refused => $"Refused whole, nothing stored: {Rows} row(s) read.",
            DumpOutcome.AlreadyImported => $"This file (SHA-256 {Sha256}) was imported before; nothing stored again.",
            _ => $"Unreadable: {Problem}",
        };
        foreach (var check in Checks)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{(check.Passed ? "ok  " : "OVER")} {check.Name}: {check.Rows} row(s), {check.Share:P2} (threshold {check.Threshold:P2})");
        }
    }
}

/// <summary>Checks and stores an operator's daily dump of sightings, kept in a file (ADR 18): the operator API and the command line use it.</summary>
public interface ISightingsDumpImport
{
    Task<DumpReport> ImportAsync(string operatorName, string path, CancellationToken cancellation);
}
