using System.Globalization;
using System.Text;

namespace Hamta.Bench;

/// <summary>Writes docs/benchmarks.md: the table, the noise, the machine, and where the time goes for every missed target.</summary>
public static class Report
{
    public static string Markdown(BenchOptions options, Machine machine, IReadOnlyList<Row> rows, IReadOnlyDictionary<string, string> environment, DateTimeOffset startedAt, TimeSpan took)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        Line("# Benchmarks");
        Line();
        Line("Written by `bash scripts/bench.sh` (the `bench/Hamta.Bench` project); do not edit by hand. Hamta's figures are");
        Line("ratios to what this machine's PostgreSQL does at all, measured side by side in the same run.");
        Line();
        Line(F($"Run of {startedAt:yyyy-MM-dd HH:mm} UTC, {took.TotalMinutes:0} minutes, scale {options.Scale} ({options.Tickets:N0} tickets, {options.Observations:N0} attach observations, {options.Subscribers:N0} subscribers), {options.Runs} measured runs per figure after a warm-up, load runs of {options.LoadDuration.TotalSeconds:0} s; figures are medians of the runs."));
        Line();
        Line("| scenario | Hamta | baseline in the same run | ratio | target | met? |");
        Line("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Line($"| {row.Scenario} | {row.Figure} | {row.Baseline} | {row.Ratio} | {row.Target} | {(row.Met ? "yes" : "**no**")} |");
        }

        Line();
        Line("## Noise");
        Line();
        Line("Half the spread of the runs, (max − min) / 2 around the median:");
        Line();
        foreach (var row in rows)
        {
            Line($"- {row.Scenario}: {row.Noise}");
        }

        Line();
        Line($"Load average (1 / 5 / 15 min) on {machine.Cores} cores: {machine.LoadAverageAtStart} at the start, {machine.LoadAverageAtEnd} at the end.");
        Line("The machine is shared: other work (builds, test runs) may have run at the same time, and the load generator,");
        Line("the Host and PostgreSQL share its cores. Baselines and Hamta runs alternate, so drift hits both.");
        Line();
        Line("## Machine and settings");
        Line();
        Line($"- CPU: {machine.Cpu}, {machine.Cores} cores; memory {machine.MemoryGb:0.0} GB; {machine.Os}");
        Line($"- {machine.Runtime}; the Host is the published Release build (ReadyToRun, as in the image), `dotnet Hamta.Host.dll`, Production environment, Kestrel on 127.0.0.1");
        Line($"- {machine.Postgres}, a private cluster (`scripts/pg.sh bench`), fsync on as in production:");
        Line($"  {string.Join(", ", machine.Settings.Select(s => $"`{s.Name}` = {s.Value}"))}");
        Line("- Runtime settings of the image (Dockerfile), given to the Host as there:");
        foreach (var (key, value) in environment.Where(e => e.Key.StartsWith("DOTNET_", StringComparison.Ordinal)))
        {
            Line($"  - `{key}` = `{value}`");
        }

        Line("- Settings the bench gives the Host (environment variables):");
        foreach (var (key, value) in environment.Where(e => e.Key.StartsWith("Hamta__", StringComparison.Ordinal)))
        {
            Line(IsSecret(key) ? $"  - `{key}`: a key made for the run, not shown" : $"  - `{key}` = `{value}`");
        }

        Line("  The rate limits are raised so that the load is not refused (in production they stop one subscriber or address from");
        Line("  flooding); the recurring jobs are moved out of the way and the sweep is triggered on demand, as the dashboard does.");
        Line();
        Line("## How each figure is measured");
        Line();
        Line("- **Ticket submission**: signed-in subscribers (one per client, each with its own connection and cookies) post the");
        Line("  «سایر» ticket form over HTTP with its antiforgery token (loaded once per client, as a browser tab keeps it);");
        Line("  each post goes through the rate limiter, antiforgery, validation, the device lookup, the ticket's event append and");
        Line("  the SMS on the outbox, and counts when it is redirected to the new ticket. Closed loop, bounded by time and");
        Line("  requests. Baseline: pgbench, one transaction = upsert a stream row + insert a 1 KB jsonb event into bare tables");
        Line("  shaped like Marten's, prepared statements, the same client counts and duration.");
        Line("- **My tickets**: one signed-in subscriber with 50 tickets among all the others loads `/tickets` (the first page) one");
        Line("  request after another. Baseline: the bare keyset query (that subscriber's newest 11 ticket documents) from a prepared");
        Line("  statement, one after another.");
        Line("- **Sweep**: the `recheck-network-evidence` job is triggered through Hangfire; the figure runs from the job's start");
        Line("  (its Processing state) to the last network evidence appended to a ticket (the sweep, the Sim module's evidence");
        Line("  lookups and the Tickets module's sequential evidence queue). Each run starts from the same state. Baseline: one");
        Line("  set-based join of the waiting tickets with the observations, written to a table.");
        Line("- **Evidence to «رفع شده»**: fresh IMEI-mismatch tickets each run (1,000 at scale 1, at least 100), each waiting for");
        Line("  the second of its two correct IMEIs: its device registered and owned by the ticket's subscriber, the first IMEI");
        Line("  already seen with the subscriber's SIM and recorded on the ticket, the Sim module watching for both. An operator's");
        Line("  client posts `/api/operator/attach-observations` open-loop, 10 batches of 500 sightings a second for the load");
        Line("  duration, each ticket's completing sighting mixed into one batch among the others. Per ticket, the seconds from");
        Line("  the send of that batch (the bench's clock) to its `ticket_resolved` event (PostgreSQL's timestamp, same machine):");
        Line("  the batch stored, the watch matched, the evidence recorded, the registry's IMEI correction, its answer. p50 and");
        Line("  p99 over the tickets, medians over the runs; a miss also gives the same times to the evidence and to the");
        Line("  correction. No baseline: the target is absolute.");
        Line("- **Import**: `dotnet Hamta.Host.dll import-declarations file.csv` (two IMEIs a line), the process's wall time.");
        Line("  Baseline: `COPY` of the same file into a bare table.");
        Line("- **Projection rebuild**: `dotnet Hamta.Host.dll audit --module tickets` replays every ticket stream and compares it");
        Line("  with its stored document; the figure is its own timing of that work. Baseline: one `SELECT` reading the same events.");
        Line("- **Host**: a new process on the seeded database until `/login` answers 200 (median of the starts); resident");
        Line("  memory (VmRSS) sampled every 250 ms during the submission runs.");
        Line();
        var missed = rows.Where(r => !r.Met).ToList();
        Line("## Where the time goes (missed targets)");
        Line();
        if (missed.Count == 0)
        {
            Line("Every target was met in this run.");
        }

        foreach (var row in missed)
        {
            Line($"### {row.Scenario}");
            Line();
            if (row.Profile.Count == 0)
            {
                Line("No profile was taken for this figure.");
            }
            else
            {
                Line("PostgreSQL's statistics (`pg_stat_statements`, top statements over the measured runs), and the CPU split where it applies:");
                Line();
                foreach (var item in row.Profile)
                {
                    Line($"- {item}");
                }
            }

            Line();
        }

        return text.ToString();
    }

    /// <summary>The keys the bench makes for each run (code key, key ring, operators' API keys) stay out of the report.</summary>
    private static readonly string[] SecretSettings = ["Hamta__Secrets__", "Hamta__DataProtection__", "Hamta__Operators__", "Hamta__Gateways__"];

    private static bool IsSecret(string setting) => SecretSettings.Any(prefix => setting.StartsWith(prefix, StringComparison.Ordinal));
}
