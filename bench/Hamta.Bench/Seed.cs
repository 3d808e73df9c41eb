using System.Globalization;

namespace Hamta.Bench;

/// <summary>
/// Generates the national-scale data set with set-based SQL, straight into the tables Marten keeps:
/// SIM cards, tickets and attach observations as streams, events, documents and rows written in the exact
/// shape the modules write them, so the product (and its audit) reads them as its own.
/// </summary>
public sealed class Seed(Database database, BenchOptions options)
{
    public const int LoadClients = 32;
    public const int ListSubscriberTickets = 50;
    private const string Description =
        "پس از به‌روزرسانی نرم‌افزار گوشی، پیامک هشدار همتا دریافت کردم در حالی که دستگاه را از فروشگاه معتبر خریده‌ام و کارت گارانتی دارد. لطفاً بررسی کنید.";

    public static string MobileOf(int subscriber) => string.Create(CultureInfo.InvariantCulture, $"0912{subscriber:0000000}");

    /// <summary>The subscriber whose «my tickets» page is measured: 50 tickets among all the others.</summary>
    public static string ListSubscriber => MobileOf(0);

    public int ExpectedEvidence { get; private set; }

    public async Task RunAsync(Action<string> say)
    {
        await database.ExecuteAsync(Functions);
        say($"subscribers and SIM cards: {options.Subscribers:N0}");
        await database.ExecuteAsync(Subscribers());
        say($"tickets: {options.Tickets:N0}, of which about {options.WaitingTickets:N0} wait for network evidence");
        await database.ExecuteAsync(Tickets());
        say($"attach observations: {options.Observations:N0}");
        await database.ExecuteAsync(Observations());
        ExpectedEvidence = (int)await database.ScalarAsync<long>("select count(*) from bench_seed.evidence");
        await database.ExecuteAsync(Baselines);
        say("analyze and checkpoint");
        await database.ExecuteAsync("analyze");
        await database.ExecuteAsync("checkpoint");
    }

    /// <summary>The subscribers' SIM cards and the baselines' bare tables: what the import and the sightings need.</summary>
    public async Task SubscribersOnlyAsync(Action<string> say)
    {
        await database.ExecuteAsync(Functions);
        say($"subscribers and SIM cards: {options.Subscribers:N0}");
        await database.ExecuteAsync(Subscribers());
        await database.ExecuteAsync(Baselines);
        await database.ExecuteAsync("analyze");
        await database.ExecuteAsync("checkpoint");
    }

    /// <summary>Puts the waiting tickets back as they were before a sweep, so every sweep run does the same work.</summary>
    public async Task ResetSweepAsync()
    {
        await database.ExecuteAsync("""
            delete from events.mt_events where type = 'network_evidence_recorded';
            update events.mt_streams s set version = 1 from bench_seed.waiting w where s.id = w.id and s.version > 1;
            update tickets.mt_doc_ticket t set data = w.data, mt_version = 1 from bench_seed.waiting w where t.id = w.id and t.mt_version > 1;
            """);
        foreach (var table in new[] { "tickets.mt_doc_ticket", "events.mt_streams", "events.mt_events" })
        {
            await database.ExecuteAsync($"vacuum analyze {table}");
        }
    }

    private const string Functions = """
        create schema bench_seed;
        create function bench_seed.imei(body bigint) returns text language sql immutable parallel safe as $$
          select b || ((10 - sum(case when pos % 2 = 0 then (substr(b, pos, 1)::int * 2) / 10 + (substr(b, pos, 1)::int * 2) % 10
                                      else substr(b, pos, 1)::int end) % 10) % 10)::text
          from (select lpad(body::text, 14, '0') b) x cross join generate_series(1, 14) pos group by b $$;
        create function bench_seed.national_id(body bigint) returns text language sql immutable parallel safe as $$
          select b || (case when sum(substr(b, pos, 1)::int * (11 - pos)) % 11 < 2 then sum(substr(b, pos, 1)::int * (11 - pos)) % 11
                            else 11 - sum(substr(b, pos, 1)::int * (11 - pos)) % 11 end)::text
          from (select lpad(body::text, 9, '0') b) x cross join generate_series(1, 9) pos group by b $$;
        create function bench_seed.json_time(t timestamptz) returns text language sql immutable parallel safe as $$
          select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"') $$;
        """;

    private string Subscribers() => $"""
        create table bench_seed.subscribers as
          select n, '0912' || lpad(n::text, 7, '0') mobile, bench_seed.national_id(100000000 + n) national_id,
                 gen_random_uuid() sim_id, now() - interval '400 days' + n * interval '1 second' registered_at
          from generate_series(0, {options.Subscribers - 1}) n;
        alter table bench_seed.subscribers add primary key (n);
        insert into events.mt_streams(id, type, version, timestamp, created)
          select sim_id, 'sim_card', 1, registered_at, registered_at from bench_seed.subscribers order by n;
        insert into events.mt_events(seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type)
          select nextval('events.mt_events_sequence'), gen_random_uuid(), sim_id, 1,
                 jsonb_build_object('Number', mobile, 'Operator', 'همراه اول', 'SimCardId', sim_id, 'HolderName', 'مشترک ' || n,
                                    'NationalId', national_id, 'RegisteredAt', bench_seed.json_time(registered_at)),
                 'sim_card_registered', registered_at, 'Hamta.Sim.SimCards.SimCardRegistered, Hamta.Sim'
          from bench_seed.subscribers order by n;
        insert into sim.mt_doc_simcard(id, data, mt_dotnet_type, mt_version, mt_last_modified)
          select sim_id, jsonb_build_object('Id', sim_id, 'Number', mobile, 'Status', 0, 'Operator', 'همراه اول', 'HolderName', 'مشترک ' || n,
                                            'NationalId', national_id),
                 'Hamta.Sim.SimCards.SimCard', 1, registered_at
          from bench_seed.subscribers order by n;
        """;

    private string Tickets()
    {
        var step = options.Tickets / ListSubscriberTickets;
        var waitingStep = Math.Max(2, options.Tickets / options.WaitingTickets);
        return $"""
            create table bench_seed.tickets as
              select i, gen_random_uuid() id, 200000 + i number,
                     case when i % {step} = 0 then 0 else 1 + (i * 7919::bigint % {options.Subscribers - 1})::int end subscriber,
                     i % {waitingStep} = 1 waiting,
                     now() - interval '1 day' + i * (interval '1 day' / {options.Tickets}) opened,
                     case when i % {waitingStep} = 1 then gen_random_uuid() end device_id,
                     case when i % {waitingStep} = 1 then bench_seed.imei(35000000000000 + 3 * i) end imei_a,
                     case when i % {waitingStep} = 1 then bench_seed.imei(35000000000001 + 3 * i) end imei_b,
                     case when i % {waitingStep} = 1 then bench_seed.imei(35000000000002 + 3 * i) end imei_c
              from generate_series(1, {options.Tickets}) i;
            create table bench_seed.ticket_rows as
              select t.i, t.id, t.number, t.waiting, t.opened, s.mobile, s.national_id, s.n subscriber,
                     bench_seed.json_time(t.opened) opened_at, '{Description} #' || t.number description,
                     t.imei_a, t.imei_b, t.imei_c,
                     case when t.waiting then jsonb_build_object('Model', 'Samsung Galaxy A54', 'DeviceId', t.device_id,
                                                                  'RegisteredImeis', jsonb_build_array(t.imei_a, t.imei_b)) end device,
                     case when t.waiting then jsonb_build_array(t.imei_a, t.imei_c) else '[]'::jsonb end correct_imeis
              from bench_seed.tickets t join bench_seed.subscribers s on s.n = t.subscriber;
            insert into events.mt_streams(id, type, version, timestamp, created)
              select id, 'ticket', 1, opened, opened from bench_seed.ticket_rows order by i;
            insert into events.mt_events(seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, user_name)
              select nextval('events.mt_events_sequence'), gen_random_uuid(), id, 1,
                     jsonb_build_object('Device', device, 'Fields', '{"{}"}'::jsonb, 'Number', number, 'Status', case when waiting then 1 else 0 end,
                                        'Subject', case when waiting then 0 else 8 end, 'OpenedAt', opened_at, 'TicketId', id,
                                        'Description', description, 'CorrectImeis', correct_imeis, 'SubscriberSim', mobile,
                                        'SubscriberNationalId', national_id),
                     'ticket_opened', opened, 'Hamta.Tickets.Tickets.TicketOpened, Hamta.Tickets',
                     'subscriber ' || left(mobile, 4) || '***' || right(mobile, 4)
              from bench_seed.ticket_rows order by i;
            insert into tickets.mt_doc_ticket(id, data, mt_dotnet_type, mt_version, mt_last_modified)
              select id, jsonb_build_object(
                       'Id', id, 'Imeis', case when waiting then jsonb_build_array(imei_a, imei_b, imei_a, imei_c) else '[]'::jsonb end,
                       'Device', device, 'Fields', '{"{}"}'::jsonb, 'IsOpen', true, 'Number', number,
                       'Status', case when waiting then 1 else 0 end, 'Subject', case when waiting then 0 else 8 end,
                       'DeviceId', device->'DeviceId', 'OpenedAt', opened_at, 'Reminded', false,
                       'Timeline', case when waiting
                         then jsonb_build_array(
                           jsonb_build_object('At', opened_at, 'Kind', 0, 'Text', description, 'Actor', jsonb_build_object('Kind', 0, 'Name', mobile)),
                           jsonb_build_object('At', opened_at, 'Kind', 1, 'Text', null, 'Actor', jsonb_build_object('Kind', 2, 'Name', 'opening')))
                         else jsonb_build_array(
                           jsonb_build_object('At', opened_at, 'Kind', 0, 'Text', description, 'Actor', jsonb_build_object('Kind', 0, 'Name', mobile))) end,
                       'DeviceImei', imei_a, 'ResolvedAt', null, 'Description', description, 'CorrectImeis', correct_imeis,
                       'AssignedAgent', null, 'SubscriberSim', mobile, 'AwaitsEvidence', waiting, 'MissingEvidence', correct_imeis,
                       'ImeisSeenOnNetwork', null, 'CorrectionRequested', false, 'SubscriberNationalId', national_id,
                       'InformationRequestedAt', null),
                     'Hamta.Tickets.Tickets.Ticket', 1, opened
              from bench_seed.ticket_rows order by i;
            select setval('tickets.ticket_numbers', (select max(number) from bench_seed.tickets));
            create table bench_seed.waiting as
              select d.id, d.data from tickets.mt_doc_ticket d join bench_seed.tickets t on t.id = d.id where t.waiting;
            alter table bench_seed.waiting add primary key (id);
            """;
    }

    /// <summary>Creates the sightings' day partitions (named as the Sim module names them) of the days the query gives.</summary>
    public static string SightingPartitions(string days) => $$"""
        do $$ declare d date; begin
          for d in {{days}} loop
            execute format('create table if not exists sim.sightings_%s partition of sim.sightings for values from (%L) to (%L)',
                           to_char(d, 'YYYYMMDD'), d::text || ' 00:00:00+00', (d + 1)::text || ' 00:00:00+00');
          end loop; end $$;
        """;

    private string Observations() => $"""
        create table bench_seed.evidence as
          select r.imei_c imei, '43211' || lpad(r.subscriber::text, 10, '0') imsi, r.mobile, r.national_id, r.opened - interval '1 hour' observed
          from bench_seed.ticket_rows r where r.waiting and r.i % 2 = 1 and (r.i / 2) % 2 = 0;
        create table bench_seed.observations as
          select imei, imsi, mobile, national_id, observed from bench_seed.evidence
          union all
          select bench_seed.imei(36000000000000 + k), '43211' || lpad(s.n::text, 10, '0'), s.mobile, s.national_id,
                 now() - interval '3 days' + k * interval '100 ms'
          from generate_series(1, {options.Observations} - (select count(*) from bench_seed.evidence)) k
          join bench_seed.subscribers s on s.n = (k * 31 % {options.Subscribers});
        {SightingPartitions("select distinct (observed at time zone 'UTC')::date from bench_seed.observations")}
        insert into sim.sightings (imei, imei_valid, imsi, msisdn, national_id, operator, observed_at, received_at)
          select imei, true, imsi, mobile, national_id, 'bench-operator', observed, observed + interval '2 minutes'
          from bench_seed.observations
          on conflict do nothing;
        """;

    /// <summary>The bare tables the baselines write to: the shape of Marten's streams and events, nothing else.</summary>
    private const string Baselines = """
        create schema bench_base;
        create table bench_base.streams (id uuid primary key, type varchar, version bigint, timestamp timestamptz not null default now());
        create table bench_base.events (seq_id bigserial primary key, id uuid not null, stream_id uuid references bench_base.streams(id),
                                        version bigint not null, data jsonb not null, type varchar(500) not null,
                                        timestamp timestamptz not null default now(), unique (stream_id, version));
        create table bench_base.declarations (imei1 text, imei2 text, brand text, model text, import_type text, importer text,
                                              activation_code text, traveller_national_id text, traveller_sim text, fee_paid text);
        """;
}
