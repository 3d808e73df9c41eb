using System.Text;

namespace Hamta.Faults;

/// <summary>Writes docs/reliability.md: each drill's figures from this run, against its target.</summary>
public static class FaultReport
{
    public static string Markdown(IReadOnlyList<DrillRow> rows, DateTimeOffset startedAt, TimeSpan took)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# Reliability drills");
        Line();
        Line("Written by `bash scripts/faults.sh` (the `bench/Hamta.Faults` project); do not edit by hand. Each drill breaks");
        Line("something under load on a cluster and Host ports of its own (127.0.0.1), then counts in the database what the");
        Line("subscribers were told against what was stored and sent. How to read the product's own signals: README,");
        Line("«Operating»; the choices behind them: [ADR 0014](adr/0014-reliability.md).");
        Line();
        Line(FaultContext.F($"Run of {startedAt:yyyy-MM-dd HH:mm} UTC, {took.TotalMinutes:0.0} minutes."));
        Line();
        Line("| drill | figures | target | met? |");
        Line("|---|---|---|---|");
        foreach (var row in rows)
        {
            Line($"| {row.Drill} | {row.Figures} | {row.Target} | {(row.Met ? "yes" : "**no**")} |");
        }

        foreach (var row in rows.Where(r => r.Notes.Count > 0))
        {
            Line();
            Line($"**{row.Drill}**");
            Line();
            foreach (var note in row.Notes)
            {
                Line($"- {note}");
            }
        }

        return text.ToString();
    }
}
