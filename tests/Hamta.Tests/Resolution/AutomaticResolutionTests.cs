using Hamta.Kernel.Text;
using Hamta.Testing;
using Hamta.Devices.Contracts;
using Hamta.Kernel.Notifications;
using Hamta.Sim.Contracts;
using Hamta.Sim.Network;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;
using Hamta.Tests.Tickets;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Resolution;

/// <summary>The IMEI-mismatch ticket resolves itself once the network has seen the phone with both correct IMEIs.</summary>
public sealed class AutomaticResolutionTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private const string RealSecondImei = SamsungRealSecondImei;
    private const string WrongSecondImei = SamsungSecondImei;

    /// <summary>Where the Tickets module handles evidence, at most four messages at once per node (ADR 8).</summary>
    private static readonly Uri EvidenceQueue = new("local://tickets-evidence/");

    private Task<AttachObservationsResult> Record(string imei, string sim) =>
        Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [new AttachObservationRecord(imei, $"43211{sim[1..]}", sim, Clock.GetUtcNow())]));

    private Task<AttachObservationsResult> Observe(string imei, string sim) => AndWaitForMessages(() => Record(imei, sim));

    private async Task SeeBothImeis(string sim = SampleMobile)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Observe(Samsung, sim);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Observe(RealSecondImei, sim);
    }

    private async Task<long> FileSeedTicket() => NumberFrom(await FileMismatch(await SignedInSubscriber()));

    private async Task<TicketDetails> Ticket(long number) => (await Ask<TicketDetails?>(new GetTicket(number, null)))!;

    [Fact]
    public async Task Evidence_after_the_ticket_corrects_the_second_imei_and_resolves_the_ticket_with_an_sms()
    {
        var number = await FileSeedTicket();

        await SeeBothImeis();

        var ticket = await Ticket(number);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(TicketActorKind.System, ticket.Timeline[^1].Actor.Kind);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(RealSecondImei))).Registered);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei(WrongSecondImei))).Registered);
        var devices = await Ask<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(SampleNationalId));
        Assert.Contains(devices, d => d.Imeis.SequenceEqual([Samsung, RealSecondImei]));
        Assert.Contains(await SmsTo(SampleMobile, SmsKind.Notice), sms => sms.Text.Contains($"تیکت {Display.Number(number)} رفع شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evidence_from_before_the_ticket_resolves_it_at_once()
    {
        await SeeBothImeis();

        var number = await FileSeedTicket();

        Assert.Equal(TicketStatus.Resolved, (await Ticket(number)).Status);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(RealSecondImei))).Registered);
    }

    [Fact]
    public async Task With_one_imei_seen_the_ticket_waits_and_its_page_says_which_is_missing()
    {
        var browser = await SignedInSubscriber();
        var number = NumberFrom(await FileMismatch(browser));

        await Observe(Samsung, SampleMobile);

        Assert.Equal(TicketStatus.AwaitingNetworkEvidence, (await Ticket(number)).Status);
        var page = await browser.GetAsync($"/tickets/{number}");
        var missing = page.Document.QuerySelector("#missing-evidence")!.TextContent;
        Assert.Contains(RealSecondImei, missing, StringComparison.Ordinal);
        Assert.DoesNotContain(Samsung, missing, StringComparison.Ordinal);
        Assert.Contains("شکاف", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_from_another_sim_of_the_same_national_id_counts()
    {
        var number = await FileSeedTicket();

        await SeeBothImeis(sim: OtherSimOfSample);

        Assert.Equal(TicketStatus.Resolved, (await Ticket(number)).Status);
    }

    [Fact]
    public async Task Evidence_found_at_opening_and_the_registrys_answer_are_handled_on_the_tickets_evidence_queue()
    {
        await SeeBothImeis();
        var browser = await SignedInSubscriber();

        var opening = await Host.ExecuteAndWaitAsync(() => browser.SubmitAsync(MismatchForm, SeedMismatch()));

        var handled = opening.Executed.Envelopes().Where(e => e.Message is NetworkEvidenceFound or ImeiCorrectionResult).ToList();
        Assert.Equal(2, handled.Count);
        Assert.All(handled, e => Assert.Equal(EvidenceQueue, e.Destination));
    }

    [Fact]
    public async Task Live_sightings_of_waiting_tickets_and_the_registrys_answer_are_handled_on_the_tickets_evidence_queue()
    {
        var number = await FileSeedTicket();

        var observing = await Host.ExecuteAndWaitAsync(async () =>
        {
            await Record(Samsung, SampleMobile);
            await Record(RealSecondImei, SampleMobile);
        });

        Assert.Equal(TicketStatus.Resolved, (await Ticket(number)).Status);
        Assert.Contains(observing.Executed.Envelopes(), e => e.Message is NetworkEvidenceFound && e.Destination == EvidenceQueue);
        Assert.Equal(EvidenceQueue, observing.Executed.Envelopes().Single(e => e.Message is ImeiCorrectionResult).Destination);
    }

    [Fact]
    public async Task Evidence_from_a_strangers_sim_does_not_count()
    {
        var number = await FileSeedTicket();

        await SeeBothImeis(sim: SecondUserSim);

        Assert.Equal(TicketStatus.AwaitingNetworkEvidence, (await Ticket(number)).Status);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(WrongSecondImei))).Registered);
    }

    [Fact]
    public async Task Without_evidence_within_the_window_the_ticket_is_rejected_with_advice_and_an_sms()
    {
        var number = await FileSeedTicket();
        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        await Send(new SweepAwaitingTickets(TimeSpan.FromDays(7)));

        var ticket = await Ticket(number);
        Assert.Equal(TicketStatus.Rejected, ticket.Status);
        Assert.Contains("شکاف دوم", ticket.Timeline[^1].Text, StringComparison.Ordinal);
        Assert.Contains(await SmsTo(SampleMobile, SmsKind.Notice), sms => sms.Text.Contains($"تیکت {Display.Number(number)} رد شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_recurring_check_finds_evidence_the_live_check_missed()
    {
        var number = await FileSeedTicket();
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            foreach (var imei in new[] { Samsung, RealSecondImei })
            {
                session.QueueSqlCommand(
                    $"insert into {SightingsStorage.Table} (imei, imei_valid, imsi, msisdn, national_id, operator, observed_at, received_at) values (?, true, '432119121234567', ?, '{SampleNationalId}', ?, ?, ?)",
                    imei, SampleMobile, TestHost.OperatorName, Clock.GetUtcNow(), Clock.GetUtcNow());
            }

            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(TicketStatus.AwaitingNetworkEvidence, (await Ticket(number)).Status);
        await Send(new SweepAwaitingTickets(TimeSpan.FromDays(7)));

        Assert.Equal(TicketStatus.Resolved, (await Ticket(number)).Status);
    }

    [Fact]
    public async Task Both_imeis_in_one_operator_batch_resolve_the_ticket()
    {
        var number = await FileSeedTicket();
        await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
        [
            new AttachObservationRecord(Samsung, "432119121234567", SampleMobile, Clock.GetUtcNow()),
            new AttachObservationRecord(RealSecondImei, "432119121234567", SampleMobile, Clock.GetUtcNow()),
        ])));
        Assert.Equal(TicketStatus.Resolved, (await Ticket(number)).Status);
    }

    [Fact]
    public async Task A_device_transferred_meanwhile_goes_to_an_agent_with_the_reason()
    {
        var number = await FileSeedTicket();
        var transfer = await AskAndWait<TransferStartResult>(new StartTransfer(Samsung, SampleMobile, SampleNationalId));
        await AskAndWait<ActivationResult>(new ActivateDevice(Samsung, SecondUserSim, SecondUserNationalId, transfer.Code!));

        await SeeBothImeis();

        var ticket = await Ticket(number);
        Assert.Equal(TicketStatus.InReview, ticket.Status);
        Assert.Equal(TicketEntryKind.HandedToAgent, ticket.Timeline[^1].Kind);
        Assert.Contains("مالک دستگاه دیگر صاحب این تیکت نیست", ticket.Timeline[^1].Text, StringComparison.Ordinal);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(WrongSecondImei))).Registered);
    }

    [Fact]
    public async Task The_same_sighting_or_correction_delivered_twice_corrects_once()
    {
        var number = await FileSeedTicket();
        var ticketId = (await Ticket(number)).Id;
        var first = new NetworkEvidenceFound([new EvidenceSighting(ticketId, Samsung, SampleMobile, Clock.GetUtcNow())]);
        var second = new NetworkEvidenceFound([new EvidenceSighting(ticketId, RealSecondImei, SampleMobile, Clock.GetUtcNow())]);

        foreach (var message in new[] { first, first, second, second })
        {
            await Publish(message);
        }

        var ticket = await Ticket(number);
        Assert.Equal(2, ticket.Timeline.Count(e => e.Kind == TicketEntryKind.NetworkEvidence));
        Assert.Single(ticket.Timeline, e => e.Kind == TicketEntryKind.Resolved);
        var deviceId = ticket.Device!.DeviceId;
        var again = await Ask<ImeiCorrectionResult>(new CorrectImeiFromTicket(deviceId, WrongSecondImei, RealSecondImei, number, SampleNationalId, "replayed"));
        Assert.Equal(ImeiCorrectionOutcome.Corrected, again.Outcome);
        var devices = await Ask<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(SampleNationalId));
        Assert.Contains(devices, d => d.Imeis.SequenceEqual([Samsung, RealSecondImei]));
    }

    [Fact]
    public async Task A_ticket_an_agent_took_over_is_left_to_the_agent()
    {
        var number = await FileSeedTicket();
        var version = (await Ticket(number)).Version;
        await Ask<TicketActionResult>(new ActOnTicket(number, TicketAction.Assign, new TicketActor(TicketActorKind.Agent, "agent"), null, version));

        await SeeBothImeis();

        Assert.Equal(TicketStatus.InReview, (await Ticket(number)).Status);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(WrongSecondImei))).Registered);
    }
}
