using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Hamta.Devices.Contracts;
using Hamta.Tickets.Contracts;

namespace Hamta.Bench;

/// <summary>
/// Evidence to «رفع شده» (ADR 8, ADR 18): IMEI-mismatch tickets waiting for the second of their two correct IMEIs get it
/// from an operator's live feed, among thousands of other sightings a second, and resolve themselves through the whole
/// chain: the stored batch's watch match, the evidence, the registry's IMEI correction and its answer.
/// </summary>
public sealed partial class Scenarios
{
    private const int EvidenceBatch = 500;
    private const int EvidenceBatchesPerSecond = 10;
    private const int EvidenceRate = EvidenceBatch * EvidenceBatchesPerSecond;
    private const double EvidenceTargetSeconds = 5;

    private int EvidenceTickets => Math.Max(100, (int)(1_000 * options.Scale));

    private int EvidenceBatches => (int)(options.LoadDuration.TotalSeconds * EvidenceBatchesPerSecond);

    /// <summary>A ticket waiting for the sighting of its second correct IMEI, and the device its correction changes.</summary>
    private sealed record WaitingForEvidence(Guid Id, Guid DeviceId, SightingRow Completing);

    /// <summary>What one run measured, each list per ticket resolved, in seconds from the send of the ticket's batch.</summary>
    private sealed record EvidenceRun(double[] Resolved, double[] Recorded, double[] Corrected, double[] BatchAnswersMs, double SightingsPerSecond,
        int FailedBatches, int Unresolved, string UnresolvedStatuses);

    public async Task<Row> EvidenceAsync()
    {
        var evidenceEnvironment = new Dictionary<string, string>(environment)
        {
            [$"Hamta__Operators__{BenchOperator}"] = BenchOperatorKey,
            [$"Hamta__Network__ImsiPrefixes__{BenchOperator}__0"] = "43211",
        };
        await using var host = HostProcess.Start(options.Repo, evidenceEnvironment, log);
        await StartAndWaitAsync(host);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchOperatorKey);
        var runs = new List<EvidenceRun>();
        var cpu = new CpuSplit();
        for (var run = 0; run <= options.Runs; run++)
        {
            if (run == 1)
            {
                await database.ResetStatementsAsync();
            }

            var tickets = await SeedWaitingForEvidenceAsync(run);
            var batches = EvidenceBatchBodies(tickets, run);
            await ReactionsDoneAsync();
            var lastEvent = await database.ScalarAsync<long>("select coalesce(max(seq_id), 0) from events.mt_events");
            if (run > 0)
            {
                cpu.Begin(host);
            }

            var result = await FeedEvidenceAsync(http, tickets, batches, lastEvent);
            if (run > 0)
            {
                cpu.End(host);
                runs.Add(result);
            }

            say(F($"  {(run == 0 ? "warm-up" : $"run {run}")}: resolved p50 {Stats.Percentile(result.Resolved, 0.50):0.00} s, p99 {Stats.Percentile(result.Resolved, 0.99):0.00} s ({result.Unresolved} of {tickets.Count} not resolved); evidence recorded p99 {Stats.Percentile(result.Recorded, 0.99):0.00} s, corrected p99 {Stats.Percentile(result.Corrected, 0.99):0.00} s; batches answered p50 {Stats.Percentile(result.BatchAnswersMs, 0.50):0} ms, p99 {Stats.Percentile(result.BatchAnswersMs, 0.99):0} ms, {result.SightingsPerSecond:0} sightings/s taken, {result.FailedBatches} batches failed"));
        }

        double OverRuns(Func<EvidenceRun, double> figure) => Stats.Median(runs.Select(figure).ToList());
        var p50 = OverRuns(r => Stats.Percentile(r.Resolved, 0.50));
        var p99 = OverRuns(r => Stats.Percentile(r.Resolved, 0.99));
        var unresolved = runs.Sum(r => r.Unresolved);
        var failedBatches = runs.Sum(r => r.FailedBatches);
        var met = p99 <= EvidenceTargetSeconds && unresolved == 0 && failedBatches == 0;
        string[] legs =
        [
            F($"From the send of the batch carrying the completing sighting (medians over the runs of each run's p50 / p99): the evidence recorded on the ticket {OverRuns(r => Stats.Percentile(r.Recorded, 0.50)):0.00} / {OverRuns(r => Stats.Percentile(r.Recorded, 0.99)):0.00} s, the IMEI corrected in the registry {OverRuns(r => Stats.Percentile(r.Corrected, 0.50)):0.00} / {OverRuns(r => Stats.Percentile(r.Corrected, 0.99)):0.00} s, the ticket resolved {p50:0.00} / {p99:0.00} s."),
            .. runs.Where(r => r.Unresolved > 0).Select(r => F($"A run left {r.Unresolved} tickets unresolved: {r.UnresolvedStatuses}.")),
        ];
        return new Row(
            F($"evidence to «رفع شده»: {EvidenceTickets:N0} tickets whose second sighting arrives among {EvidenceRate:N0} sightings a second ({EvidenceBatchesPerSecond} API batches of {EvidenceBatch} a second for {options.LoadDuration.TotalSeconds:0} s)"),
            F($"p50 {p50:0.00} s, p99 {p99:0.00} s from the send of the ticket's batch to its resolution")
                + (unresolved > 0 ? F($", {unresolved} tickets not resolved") : "")
                + F($"; batches answered in p50 {OverRuns(r => Stats.Percentile(r.BatchAnswersMs, 0.50)):0} ms, p99 {OverRuns(r => Stats.Percentile(r.BatchAnswersMs, 0.99)):0} ms, {OverRuns(r => r.SightingsPerSecond):N0} sightings/s taken")
                + (failedBatches > 0 ? F($", {failedBatches} batches failed") : ""),
            "—",
            "—",
            F($"p99 ≤ {EvidenceTargetSeconds:0} s"),
            met,
            F($"p50 ±{Stats.SpreadPercent(runs.Select(r => Stats.Percentile(r.Resolved, 0.50)).ToList()) / 2:0}%, p99 ±{Stats.SpreadPercent(runs.Select(r => Stats.Percentile(r.Resolved, 0.99)).ToList()) / 2:0}% over {options.Runs} runs"),
            met ? [] : [.. legs, cpu.Describe(), .. await database.TopStatementsAsync(8)]);
    }

    /// <summary>
    /// Fresh IMEI-mismatch tickets in the shape the modules write them, each waiting for the second of its correct IMEIs:
    /// the device registered with IMEIs A and B and owned by the ticket's subscriber, who says the phone carries A and C;
    /// A seen on the network with the subscriber's SIM before the ticket and recorded as its evidence at opening; the Sim
    /// module watching for both (as the opening's request left it). The sighting of C with that SIM completes the ticket.
    /// </summary>
    private async Task<List<WaitingForEvidence>> SeedWaitingForEvidenceAsync(int run)
    {
        var firstBody = 33_000_000_000_000L + (run * 10_000_000L);
        const int systemActor = (int)TicketActorKind.System;
        await database.ExecuteAsync($$"""
            drop table if exists bench_seed.evidence_tickets;
            create table bench_seed.evidence_tickets as
              select k, gen_random_uuid() id, nextval('tickets.ticket_numbers') number, gen_random_uuid() device_id,
                     s.mobile, s.national_id, '43211' || lpad(s.n::text, 10, '0') imsi,
                     bench_seed.imei({{firstBody}} + 3 * k) imei_a, bench_seed.imei({{firstBody}} + 3 * k + 1) imei_b,
                     bench_seed.imei({{firstBody}} + 3 * k + 2) imei_c,
                     now() - interval '30 days' declared, now() - interval '20 days' activated,
                     now() - interval '2 hours' seen, now() - interval '1 hour' opened
              from generate_series(0, {{EvidenceTickets - 1}}) k join bench_seed.subscribers s on s.n = (k * 7919 + {{run}}) % {{options.Subscribers}};
            alter table bench_seed.evidence_tickets add primary key (k);
            alter table bench_seed.evidence_tickets
              add column declared_at text, add column activated_at text, add column seen_at text, add column opened_at text,
              add column description text, add column device jsonb;
            update bench_seed.evidence_tickets set
              declared_at = bench_seed.json_time(declared), activated_at = bench_seed.json_time(activated),
              seen_at = bench_seed.json_time(seen), opened_at = bench_seed.json_time(opened),
              description = '{{EvidenceDescription}} #' || number,
              device = jsonb_build_object('Model', 'Samsung Galaxy A54', 'DeviceId', device_id, 'RegisteredImeis', jsonb_build_array(imei_a, imei_b));

            insert into devices.registrations (device_id, imeis, brand, model, import_type, importer, declared_at)
              select device_id, array[imei_a, imei_b], 'Samsung', 'Galaxy A54', '{{ImportType.Commercial}}', 'Bench Importer', declared
              from bench_seed.evidence_tickets order by k;
            insert into devices.imeis (imei, device_id)
              select imei_a, device_id from bench_seed.evidence_tickets union all select imei_b, device_id from bench_seed.evidence_tickets;
            insert into events.mt_streams(id, type, version, timestamp, created)
              select device_id, 'device', 3, seen, declared from bench_seed.evidence_tickets order by k;
            insert into events.mt_events(seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type)
              select nextval('events.mt_events_sequence'), gen_random_uuid(), device_id, e.version, e.data, e.type, e.happened, e.dotnet_type
              from bench_seed.evidence_tickets d cross join lateral (values
                (1, jsonb_build_object('DeviceId', device_id, 'Imeis', jsonb_build_array(imei_a, imei_b), 'Brand', 'Samsung', 'Model', 'Galaxy A54',
                                       'ImportType', {{(int)ImportType.Commercial}}, 'Importer', 'Bench Importer', 'Traveller', null, 'DeclaredAt', declared_at),
                 'device_declared', declared, 'Hamta.Devices.Registry.DeviceDeclared, Hamta.Devices'),
                (2, jsonb_build_object('DeviceId', device_id, 'OwnerSim', mobile, 'OwnerNationalId', national_id, 'ActivatedAt', activated_at),
                 'device_activated', activated, 'Hamta.Devices.Registry.DeviceActivated, Hamta.Devices'),
                (3, jsonb_build_object('DeviceId', device_id, 'Imei', imei_a, 'SeenAt', seen_at),
                 'device_first_seen_on_network', seen, 'Hamta.Devices.Registry.DeviceFirstSeenOnNetwork, Hamta.Devices'))
                as e(version, data, type, happened, dotnet_type)
              order by d.k, e.version;
            insert into devices.mt_doc_device (id, data, mt_dotnet_type, mt_version, mt_last_modified)
              select device_id, jsonb_build_object(
                       'Id', device_id, 'Imeis', jsonb_build_array(imei_a, imei_b), 'Brand', 'Samsung', 'Model', 'Galaxy A54',
                       'ImportType', {{(int)ImportType.Commercial}}, 'Importer', 'Bench Importer', 'Traveller', null, 'DeclaredAt', declared_at,
                       'OwnerSim', mobile, 'OwnerNationalId', national_id, 'LastOwnerSim', null, 'ActivationCodeHash', null, 'TravellerFeePaid', false,
                       'ActivationLockoutsBySim', null, 'RecentActivationRejections', null, 'Blocked', false, 'FirstSeenOnNetworkAt', seen_at,
                       'CorrectedByTickets', null, 'Transfer', null, 'LastCancelledTransfer', null, 'LostCase', null,
                       'State', {{(int)DeviceState.Owned}}, 'AwaitsCustomsFee', false),
                     'Hamta.Devices.Registry.Device', 3, seen
              from bench_seed.evidence_tickets order by k;

            {{Seed.SightingPartitions("select distinct (seen at time zone 'UTC')::date from bench_seed.evidence_tickets")}}
            insert into sim.sightings (imei, imei_valid, imsi, msisdn, national_id, operator, observed_at, received_at)
              select imei_a, true, imsi, mobile, national_id, '{{BenchOperator}}', seen, seen + interval '2 minutes' from bench_seed.evidence_tickets
              on conflict do nothing;
            insert into sim.first_sightings (imei, seen_at) select imei_a, seen from bench_seed.evidence_tickets on conflict do nothing;
            insert into sim.evidence_watches (request_id, imei, sim, national_id, refreshed_at)
              select id, imei_a, mobile, national_id, now() from bench_seed.evidence_tickets
              union all
              select id, imei_c, mobile, national_id, now() from bench_seed.evidence_tickets;

            insert into events.mt_streams(id, type, version, timestamp, created)
              select id, 'ticket', 2, opened, opened from bench_seed.evidence_tickets order by k;
            insert into events.mt_events(seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, user_name)
              select nextval('events.mt_events_sequence'), gen_random_uuid(), id, e.version, e.data, e.type, opened, e.dotnet_type, e.user_name
              from bench_seed.evidence_tickets t cross join lateral (values
                (1, jsonb_build_object('TicketId', id, 'Number', number, 'Subject', {{(int)TicketSubject.ImeiMismatch}}, 'SubscriberSim', mobile,
                                       'SubscriberNationalId', national_id, 'Device', device, 'CorrectImeis', jsonb_build_array(imei_a, imei_c),
                                       'Fields', '{}'::jsonb, 'Description', description, 'Status', {{(int)TicketStatus.AwaitingNetworkEvidence}},
                                       'OpenedAt', opened_at, 'Attachments', null),
                 'ticket_opened', 'Hamta.Tickets.Tickets.TicketOpened, Hamta.Tickets', 'subscriber ' || left(mobile, 4) || '***' || right(mobile, 4)),
                (2, jsonb_build_object('TicketId', id, 'Imei', imei_a, 'Msisdn', mobile, 'ObservedAt', seen_at,
                                       'Actor', jsonb_build_object('Kind', {{systemActor}}, 'Name', '{{EvidenceActor}}'), 'At', opened_at),
                 'network_evidence_recorded', 'Hamta.Tickets.Tickets.NetworkEvidenceRecorded, Hamta.Tickets', null))
                as e(version, data, type, dotnet_type, user_name)
              order by t.k, e.version;
            insert into tickets.mt_doc_ticket(id, data, mt_dotnet_type, mt_version, mt_last_modified)
              select id, jsonb_build_object(
                       'Id', id, 'Number', number, 'Subject', {{(int)TicketSubject.ImeiMismatch}}, 'Status', {{(int)TicketStatus.AwaitingNetworkEvidence}},
                       'SubscriberSim', mobile, 'SubscriberNationalId', national_id, 'Device', device, 'DeviceId', device_id, 'DeviceImei', imei_a,
                       'CorrectImeis', jsonb_build_array(imei_a, imei_c), 'Fields', '{}'::jsonb, 'Description', description, 'AssignedAgent', null,
                       'OpenedAt', opened_at, 'ResolvedAt', null,
                       'Timeline', jsonb_build_array(
                         jsonb_build_object('At', opened_at, 'Kind', {{(int)TicketEntryKind.Opened}},
                                            'Actor', jsonb_build_object('Kind', {{(int)TicketActorKind.Subscriber}}, 'Name', mobile), 'Text', description, 'Attachments', null),
                         jsonb_build_object('At', opened_at, 'Kind', {{(int)TicketEntryKind.AwaitingNetworkEvidence}},
                                            'Actor', jsonb_build_object('Kind', {{systemActor}}, 'Name', 'opening'), 'Text', null, 'Attachments', null),
                         jsonb_build_object('At', opened_at, 'Kind', {{(int)TicketEntryKind.NetworkEvidence}},
                                            'Actor', jsonb_build_object('Kind', {{systemActor}}, 'Name', '{{EvidenceActor}}'), 'Text', imei_a, 'Attachments', null)),
                       'ImeisSeenOnNetwork', jsonb_build_array(imei_a), 'CorrectionRequested', false, 'InformationRequestedAt', null, 'Reminded', false,
                       'CorrectionPending', false, 'CorrectionRequestedBy', null, 'CorrectionMessage', null, 'CorrectionAskedAt', null,
                       'SettledAt', null, 'SettledAs', null, 'ResolvedAutomatically', false,
                       'Imeis', jsonb_build_array(imei_a, imei_b, imei_a, imei_c), 'AwaitsEvidence', true, 'MissingEvidence', jsonb_build_array(imei_c),
                       'IsOpen', true, 'NeedsImeiCorrection', true),
                     'Hamta.Tickets.Tickets.Ticket', 2, opened
              from bench_seed.evidence_tickets order by k;
            analyze devices.registrations, devices.imeis, devices.mt_doc_device, sim.first_sightings, sim.evidence_watches;
            """);
        var rows = await database.RowsAsync("select id, device_id, imei_c, imsi, mobile from bench_seed.evidence_tickets order by k");
        var observedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        return rows.Select(r => new WaitingForEvidence((Guid)r[0], (Guid)r[1], new SightingRow((string)r[2], (string)r[3], (string)r[4], observedAt))).ToList();
    }

    /// <summary>The actor of evidence that came from a stored sighting (as <c>NetworkEvidenceFoundHandler</c> names it).</summary>
    private const string EvidenceActor = "network evidence check";

    private const string EvidenceDescription = "شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد؛ گوشی دو سیم‌کارته است و شناسه دوم آن اشتباه ثبت شده.";

    /// <summary>The batch that carries ticket <paramref name="k"/>'s completing sighting: the tickets spread evenly over the feed.</summary>
    private int EvidenceBatchOf(int k, int tickets) => (int)((long)k * EvidenceBatches / tickets);

    /// <summary>The feed's batches as JSON, written before it starts: other sightings, each ticket's completing one among them.</summary>
    private List<byte[]> EvidenceBatchBodies(List<WaitingForEvidence> tickets, int run)
    {
        var completing = tickets.Select((ticket, k) => (Batch: EvidenceBatchOf(k, tickets.Count), ticket.Completing)).ToLookup(t => t.Batch, t => t.Completing);
        var others = new Queue<SightingRow>(Sightings((EvidenceBatches * EvidenceBatch) - tickets.Count, 30_000_000_000_000L + (run * 100_000_000L)));
        var bodies = new List<byte[]>(EvidenceBatches);
        for (var b = 0; b < EvidenceBatches; b++)
        {
            var mine = completing[b].ToList();
            var rows = new List<SightingRow>(EvidenceBatch);
            while (rows.Count < EvidenceBatch - mine.Count)
            {
                rows.Add(others.Dequeue());
            }

            for (var i = 0; i < mine.Count; i++)
            {
                rows.Insert(((b * 131) + (i * 97)) % (rows.Count + 1), mine[i]);
            }

            bodies.Add(JsonSerializer.SerializeToUtf8Bytes(
                new { observations = rows.Select(r => new { imei = r.Imei, imsi = r.Imsi, msisdn = r.Msisdn, observedAt = r.ObservedAt }) },
                JsonSerializerOptions.Web));
        }

        return bodies;
    }

    /// <summary>
    /// Sends the batches open-loop, <see cref="EvidenceBatchesPerSecond"/> a second whatever the answers take (as an operator's
    /// network sends), then waits until every ticket is resolved or nothing is left that could resolve one; reads the
    /// times from the events the run appended.
    /// </summary>
    private async Task<EvidenceRun> FeedEvidenceAsync(HttpClient http, List<WaitingForEvidence> tickets, List<byte[]> batches, long lastEvent)
    {
        var sent = new DateTimeOffset[batches.Count];
        var answeredMs = new double[batches.Count];
        var failed = 0;
        async Task PostAsync(int b)
        {
            using var content = new ByteArrayContent(batches[b]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            sent[b] = DateTimeOffset.UtcNow;
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsync("/api/operator/attach-observations", content);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
            }

            answeredMs[b] = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        }

        var started = Stopwatch.GetTimestamp();
        var posts = new List<Task>(batches.Count);
        for (var b = 0; b < batches.Count; b++)
        {
            var wait = TimeSpan.FromSeconds((double)b / EvidenceBatchesPerSecond) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            posts.Add(PostAsync(b));
        }

        await Task.WhenAll(posts);
        // The feed's last batch stands for its last tenth of a second: a feed the API kept up with took the planned time.
        var fed = Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, (double)batches.Count / EvidenceBatchesPerSecond);
        await WaitForResolutionsAsync(lastEvent, tickets.Count);

        var byTicket = tickets.Select((ticket, k) => (ticket.Id, k)).ToDictionary(t => t.Id, t => t.k);
        var byDevice = tickets.Select((ticket, k) => (ticket.DeviceId, k)).ToDictionary(t => t.DeviceId, t => t.k);
        var times = new Dictionary<string, List<double>> { ["network_evidence_recorded"] = [], ["imei_corrected"] = [], ["ticket_resolved"] = [] };
        foreach (var row in await database.RowsAsync($"""
            select type, stream_id, timestamp from events.mt_events
            where seq_id > {lastEvent} and type in ('network_evidence_recorded', 'imei_corrected', 'ticket_resolved') /* bench_poll */
            """))
        {
            var stream = (Guid)row[1];
            if ((byTicket.TryGetValue(stream, out var k) || byDevice.TryGetValue(stream, out k)) && times.TryGetValue((string)row[0], out var list))
            {
                list.Add(((DateTime)row[2] - sent[EvidenceBatchOf(k, tickets.Count)].UtcDateTime).TotalSeconds);
            }
        }

        var resolved = times["ticket_resolved"].Order().ToArray();
        var statuses = await database.RowsAsync($"""
            select (t.data ->> 'Status')::int, count(*) from tickets.mt_doc_ticket t join bench_seed.evidence_tickets e on e.id = t.id
            where (t.data ->> 'Status')::int <> {(int)TicketStatus.Resolved} group by 1 order by 1 /* bench_poll */
            """);
        Array.Sort(answeredMs);
        return new EvidenceRun(
            resolved,
            [.. times["network_evidence_recorded"].Order()],
            [.. times["imei_corrected"].Order()],
            answeredMs,
            (double)batches.Count * EvidenceBatch / fed,
            failed,
            tickets.Count - resolved.Length,
            string.Join(", ", statuses.Select(s => F($"{(TicketStatus)(int)s[0]} {s[1]}"))));
    }

    /// <summary>
    /// Polls the resolutions appended after <paramref name="lastEvent"/> (a range of the primary key) until all are there,
    /// or none came since the last poll while no durable message is left to handle.
    /// </summary>
    private async Task WaitForResolutionsAsync(long lastEvent, int expected)
    {
        var deadline = Stopwatch.StartNew();
        var before = -1L;
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            var resolved = await database.ScalarAsync<long>(
                $"select count(*) from events.mt_events where seq_id > {lastEvent} and type = 'ticket_resolved' /* bench_poll */");
            if (resolved >= expected
                || (resolved == before && await database.ScalarAsync<long>(
                    "select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled' /* bench_poll */") == 0))
            {
                return;
            }

            before = resolved;
            await Task.Delay(200);
        }
    }
}
