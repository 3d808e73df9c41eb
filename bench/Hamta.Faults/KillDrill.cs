using Hamta.Bench;

namespace Hamta.Faults;

/// <summary>
/// kill -9 three times under 16 subscribers filing tickets, the Host restarted at once each time (a new node to
/// Wolverine, as a restarted container is): nothing accepted lost or doubled, every confirmation SMS sent once.
/// </summary>
public sealed class KillDrill : IDrill
{
    private const int Clients = 16;
    private const int Kills = 3;
    private static readonly TimeSpan BetweenKills = TimeSpan.FromSeconds(10);

    public string Name => "kill";

    public async Task<IReadOnlyList<DrillRow>> RunAsync(FaultContext context)
    {
        var (host, _) = await context.StartServingAsync(0);
        var portals = await context.SignInAsync(0, Clients);
        var load = new TicketLoad(portals, "kill");
        var restarts = new List<double>();
        var breakdowns = new List<string>();
        using var stop = new CancellationTokenSource();
        var filing = load.RunAsync(stop.Token);
        try
        {
            for (var kill = 1; kill <= Kills; kill++)
            {
                await Task.Delay(BetweenKills);
                await host.KillAsync();
                await host.DisposeAsync();
                (host, var seconds) = await context.StartServingAsync(0);
                restarts.Add(seconds);
                breakdowns.Add(context.StartupBreakdown(0));
                context.Say(FaultContext.F($"  kill {kill}: served again {seconds:0.0} s after the restart, {load.Filed.Count} tickets filed so far"));
            }

            await Task.Delay(BetweenKills);
            await stop.CancelAsync();
            await filing;
            var quiet = await context.WaitForQuietAsync(TimeSpan.FromMinutes(2));
            var account = await TicketAccount.OfAsync(context.Database, "kill", load.Filed);
            var deadLetters = await context.DeadLettersAsync();
            var lateSms = await SlowestSmsAsync(context.Database);
            var met = account.Clean && account.Unanswered == 0 && deadLetters == 0 && restarts.Max() <= 10 && lateSms <= 10;
            return
            [
                new DrillRow(
                    "kill -9 three times under 16 clients filing tickets, restarted at once",
                    account.Describe() + FaultContext.F($"; {deadLetters} dead letters; served again after {string.Join(" / ", restarts.Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} s; slowest confirmation SMS {lateSms:0.0} s after its ticket; {load.ClientErrors} answers that were not a ticket (re-posted)"),
                    "0 lost, 0 duplicated, every SMS once, 0 dead letters, ≤ 10 s",
                    met,
                    [
                        FaultContext.F($"inbox and outbox empty {quiet.TotalSeconds:0.0} s after the load stopped"),
                        .. breakdowns.Select((line, i) => FaultContext.F($"restart {i + 1}, where the seconds went (the Host's own start-up line; \"served again\" above adds the first page): {line}")),
                    ]),
            ];
        }
        finally
        {
            await stop.CancelAsync();
            await host.DisposeAsync();
            foreach (var portal in portals)
            {
                portal.Dispose();
            }
        }
    }

    /// <summary>The longest wait between a ticket of the drill and its confirmation SMS: the work a killed node left behind.</summary>
    private static async Task<double> SlowestSmsAsync(Database database) =>
        await database.ScalarAsync<double>("""
            select coalesce(max(extract(epoch from (s.data->>'SentAt')::timestamptz - (t.data->>'OpenedAt')::timestamptz))::float8, 'NaN')
            from tickets.mt_doc_ticket t join notifications.mt_doc_smsmessage s
              on substring(s.data->>'Text' from 'تیکت ([۰-۹]+) ثبت شد') = translate(t.data->>'Number', '0123456789', '۰۱۲۳۴۵۶۷۸۹')
            where t.data->>'Description' like 'kill-%'
            """);
}
