using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Hamta.Bench;

namespace Hamta.Faults;

/// <summary>
/// The resolution chain killed mid-flight: subscribers who own a device whose second IMEI was declared wrongly file
/// IMEI-mismatch tickets through the portal; an operator then posts, through its API, the sightings that prove both
/// correct IMEIs, and the Host is killed -9 twice while the evidence, the correction in Devices, the resolution and
/// the SMS run, restarted at once each time. Every ticket must end resolved, every device corrected once, the audit
/// must find no difference, and every subscriber must get one SMS.
/// </summary>
public sealed class ChainDrill : IDrill
{
    private const int Tickets = 100;
    private const int TicketsPerBatch = 5;
    private const int Kills = 2;
    private const string Operator = "faults-operator";
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public string Name => "chain";

    private sealed record Case(string Mobile, string Imei1, string WrongImei2, string CorrectImei2, string Code)
    {
        public long Number { get; set; }
    }

    public async Task<IReadOnlyList<DrillRow>> RunAsync(FaultContext context)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var extra = new Dictionary<string, string>
        {
            [$"Hamta__Operators__{Operator}"] = key,
            ["Hamta__RateLimits__OperatorRequestsPerMinute"] = "1000000",
        };
        var (host, _) = await context.StartServingAsync(0, extra);
        var portals = await context.SignInAsync(0, Tickets);
        var cases = portals.Select((portal, i) => NewCase(portal.Mobile!, i)).ToList();
        try
        {
            await ImportDeclarationsAsync(context, cases, extra);
            await FileTicketsAsync(context, portals, cases);
            context.Say(FaultContext.F($"  {cases.Count} IMEI-mismatch tickets wait for the network's evidence"));

            var observer = Stopwatch.StartNew();
            var posting = PostSightingsAsync(context, key, cases);
            var restarts = new List<double>();
            for (var kill = 1; kill <= Kills; kill++)
            {
                await Task.Delay(BeforeKill);
                var resolved = await ResolvedAsync(context.Database);
                await host.KillAsync();
                await host.DisposeAsync();
                (host, var seconds) = await context.StartServingAsync(0, extra);
                restarts.Add(seconds);
                context.Say(FaultContext.F($"  kill {kill} at {observer.Elapsed.TotalSeconds:0.0} s with {resolved} of {cases.Count} tickets resolved; served again {seconds:0.0} s after the restart"));
            }

            var batches = await posting;
            var settled = await SettledAsync(context, cases.Count);
            await context.WaitForQuietAsync(TimeSpan.FromMinutes(1));
            var account = await AccountAsync(context.Database, cases);
            var (auditDifferences, auditLine) = await AuditAsync(context, extra);
            var deadLetters = await context.DeadLettersAsync();
            var met = account.Resolved == cases.Count && account.CorrectedOnce == cases.Count && account.SmsOnce == cases.Count
                && auditDifferences == 0 && deadLetters == 0;
            return
            [
                new DrillRow(
                    "the resolution chain (sightings → evidence → correction → resolved → SMS) killed -9 twice mid-flight",
                    FaultContext.F($"{account.Resolved} of {cases.Count} tickets resolved ({settled:0.0} s after the operator's last batch was accepted); devices corrected once {account.CorrectedOnce}, twice or more {account.CorrectedTwice}, never {account.NotCorrected}; resolution SMS once {account.SmsOnce} / twice or more {account.SmsTwice} / never {account.SmsNever}; audit {auditDifferences} differences; {deadLetters} dead letters"),
                    "all resolved, every device corrected once, audit 0 differences, every SMS once",
                    met,
                    [
                        FaultContext.F($"{batches} operator batches of {TicketsPerBatch * 2} sightings, each re-sent until the API accepted it; served again after {string.Join(" / ", restarts.Select(s => s.ToString("0.0", CultureInfo.InvariantCulture)))} s"),
                        $"audit: {auditLine}",
                    ]),
            ];
        }
        finally
        {
            await host.DisposeAsync();
            foreach (var portal in portals)
            {
                portal.Dispose();
            }
        }
    }

    /// <summary>Subscriber <paramref name="n"/>'s dual-SIM phone: the first IMEI right, the second declared with a typo.</summary>
    private static Case NewCase(string mobile, int n)
    {
        string Imei(long body) => Luhn(body.ToString("D14", CultureInfo.InvariantCulture));
        var body = 35_730_000_000_000L + (3L * n);
        return new Case(mobile, Imei(body), Imei(body + 1), Imei(body + 2), (200_000 + n).ToString(CultureInfo.InvariantCulture));
    }

    private static string Luhn(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var d = (body[body.Length - 1 - i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return body + (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>The importer's declaration file, imported with the Host's own command (the declared IMEIs and their codes).</summary>
    private static async Task ImportDeclarationsAsync(FaultContext context, IReadOnlyList<Case> cases, IReadOnlyDictionary<string, string> extra)
    {
        var file = Path.Combine(context.Work, "chain-declarations.csv");
        var csv = new StringBuilder("imei1,imei2,brand,model,import_type,importer,activation_code,traveller_national_id,traveller_sim,fee_paid\n");
        foreach (var c in cases)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{c.Imei1},{c.WrongImei2},Samsung,Galaxy A54,commercial,شرکت آزمون,{c.Code},,,\n");
        }

        await File.WriteAllTextAsync(file, csv.ToString());
        var (_, exit, output) = await HostProcess.RunCommandFromAsync(
            FaultContext.HostFolder(context.Options.Repo), context.Environment(0, extra), Path.Combine(context.Work, "chain-import.log"), "import-declarations", file);
        if (exit != 0 || !output.Contains($"{cases.Count} device(s) imported", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the declarations were not imported: {output}");
        }
    }

    /// <summary>Each subscriber activates the phone with its box code, then files the ticket with both correct IMEIs.</summary>
    private static async Task FileTicketsAsync(FaultContext context, List<Portal> portals, IReadOnlyList<Case> cases)
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(lane => Task.Run(async () =>
        {
            for (var i = lane; i < cases.Count; i += 4)
            {
                var (portal, c) = (portals[i], cases[i]);
                var activated = await portal.SubmitFormAsync("/activation", new Dictionary<string, string> { ["Imei"] = c.Imei1, ["Sim"] = c.Mobile, ["Code"] = c.Code });
                if (!activated.Html.Contains("alert-success", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{c.Mobile} could not activate {c.Imei1} (answer {activated.Status})");
                }

                var filed = await portal.SubmitFormAsync("/tickets/new/form?subject=ImeiMismatch", new Dictionary<string, string>
                {
                    ["CorrectImei1"] = c.Imei1,
                    ["CorrectImei2"] = c.CorrectImei2,
                    ["RegisteredImei1"] = c.Imei1,
                    ["RegisteredImei2"] = c.WrongImei2,
                    ["Description"] = $"chain-{i} گوشی دو سیم‌کارته است و شناسه دوم اشتباه ثبت شده است.",
                });
                c.Number = filed.Location is { } location && location.StartsWith("/tickets/", StringComparison.Ordinal)
                    ? long.Parse(location.Split('/', '?')[2], CultureInfo.InvariantCulture)
                    : throw new InvalidOperationException($"{c.Mobile}'s ticket was not filed (answer {filed.Status})");
            }
        })));
        context.Say(FaultContext.F($"  {cases.Count} phones activated by their owners"));
    }

    /// <summary>The operator's batches: each ticket's phone seen with both correct IMEIs; a batch the API did not accept is sent again.</summary>
    private static async Task<int> PostSightingsAsync(FaultContext context, string key, IReadOnlyList<Case> cases)
    {
        using var http = new HttpClient { BaseAddress = new Uri(context.BaseUrl(0)), Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var batches = 0;
        var seenAt = DateTimeOffset.UtcNow;
        foreach (var batch in cases.Chunk(TicketsPerBatch))
        {
            var observations = batch.SelectMany((c, i) => new[] { c.Imei1, c.CorrectImei2 }.Select(imei => new
            {
                imei,
                imsi = FaultContext.F($"43211{c.Mobile[1..]}"),
                msisdn = c.Mobile,
                observedAt = seenAt.AddSeconds(-i),
            })).ToList();
            var watch = Stopwatch.StartNew();
            while (!await AcceptedAsync(http, observations))
            {
                if (watch.Elapsed > Patience)
                {
                    throw new TimeoutException($"the operator API did not accept a batch within {Patience.TotalMinutes} minutes");
                }

                await Task.Delay(200);
            }

            batches++;
            await Task.Delay(300);
        }

        return batches;
    }

    private static async Task<bool> AcceptedAsync(HttpClient http, object observations)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/operator/attach-observations", new { observations });
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static Task<long> ResolvedAsync(Database database) => database.ScalarAsync<long>(
        "select count(*) from tickets.mt_doc_ticket where data->>'Description' like 'chain-%' and (data->>'Status')::int = 4");

    /// <summary>Seconds until every ticket of the drill is resolved, or the patience runs out.</summary>
    private static async Task<double> SettledAsync(FaultContext context, int tickets)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Patience && await ResolvedAsync(context.Database) < tickets)
        {
            await Task.Delay(500);
        }

        return watch.Elapsed.TotalSeconds;
    }

    private sealed record ChainAccount(int Resolved, int CorrectedOnce, int CorrectedTwice, int NotCorrected, int SmsOnce, int SmsTwice, int SmsNever);

    private static async Task<ChainAccount> AccountAsync(Database database, IReadOnlyList<Case> cases)
    {
        var numbers = string.Join(',', cases.Select(c => c.Number));
        var rows = await database.RowsAsync($"""
            select t.n,
                   (select count(*) from tickets.mt_doc_ticket d where (d.data->>'Number')::bigint = t.n and (d.data->>'Status')::int = 4),
                   (select count(*) from events.mt_events e where e.type = 'imei_corrected' and (e.data->>'TicketNumber')::bigint = t.n),
                   (select count(*) from notifications.mt_doc_smsmessage s where s.data->>'Text' like '%تیکت ' || translate(t.n::text, '0123456789', '۰۱۲۳۴۵۶۷۸۹') || ' رفع شد%')
            from unnest(array[{numbers}]::bigint[]) t(n)
            """);
        var counts = rows.Select(r => (Resolved: (long)r[1], Corrected: (long)r[2], Sms: (long)r[3])).ToList();
        return new ChainAccount(
            counts.Count(c => c.Resolved == 1),
            counts.Count(c => c.Corrected == 1),
            counts.Count(c => c.Corrected > 1),
            counts.Count(c => c.Corrected == 0),
            counts.Count(c => c.Sms == 1),
            counts.Count(c => c.Sms > 1),
            counts.Count(c => c.Sms == 0));
    }

    /// <summary>The auditor's command: every stream replayed and compared with its read model; the differences it counts.</summary>
    private static async Task<(long Differences, string Line)> AuditAsync(FaultContext context, IReadOnlyDictionary<string, string> extra)
    {
        var (_, _, output) = await HostProcess.RunCommandFromAsync(
            FaultContext.HostFolder(context.Options.Repo), context.Environment(0, extra), Path.Combine(context.Work, "chain-audit.log"), "audit");
        var reports = output.Split('\n').Where(l => l.Contains(" differences, ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        if (reports.Count == 0)
        {
            return (long.MaxValue, "no report: " + output.Trim());
        }

        var differences = reports.Sum(l => long.Parse(l.Split(" differences, ")[0].Split(' ')[^1], CultureInfo.InvariantCulture));
        return (differences, string.Join("; ", reports));
    }
}
