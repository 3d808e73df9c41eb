using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Correcting;
using Hamta.Tickets.Tickets;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Reliability;

/// <summary>A ticket whose correction request (or its answer) was lost is asked again, and then resolves.</summary>
public sealed class StrandedCorrectionTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(30);
    private static readonly TicketActor Sweep = new(TicketActorKind.System, "test");

    /// <summary>The seed's ticket with its correction asked for, as if the message to the registry had been lost.</summary>
    private async Task<long> StrandedTicket()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        await StrandAsync(number);
        return number;
    }

    private async Task StrandAsync(long number)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var ticket = await session.Query<Ticket>().SingleAsync(t => t.Number == number);
        session.Events.Append(ticket.Id, new ImeiCorrectionRequested(ticket.Id, SamsungSecondImei, SamsungRealSecondImei, Sweep, Clock.GetUtcNow()));
        await session.SaveChangesAsync();
    }

    private async Task<TicketStatus> StatusOf(long number) => (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status;

    [Fact]
    public async Task A_correction_without_an_answer_past_the_patience_is_asked_again_and_the_ticket_resolves()
    {
        var number = await StrandedTicket();

        Clock.Advance(Patience + TimeSpan.FromMinutes(1));
        await Send(new RequestStrandedCorrections(Patience));

        Assert.Equal(TicketStatus.Resolved, await StatusOf(number));
        var devices = await Ask<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(SampleNationalId));
        Assert.Contains(devices, d => d.Imeis.SequenceEqual([Samsung, SamsungRealSecondImei]));
    }

    [Fact]
    public async Task A_correction_asked_for_recently_is_left_to_come_back()
    {
        var number = await StrandedTicket();

        Clock.Advance(Patience - TimeSpan.FromMinutes(1));
        await Send(new RequestStrandedCorrections(Patience));

        Assert.Equal(TicketStatus.AwaitingNetworkEvidence, await StatusOf(number));
    }

    [Fact]
    public async Task Asking_again_for_a_correction_the_registry_already_made_resolves_without_correcting_twice()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        var device = (await Ask<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(SampleNationalId))).Single(d => d.Imeis.Contains(SamsungSecondImei));
        await Send(new CorrectImeiFromTicket(device.Id, SamsungSecondImei, SamsungRealSecondImei, number, SampleNationalId, "a first request whose answer was lost"));
        await StrandAsync(number);

        Clock.Advance(Patience + TimeSpan.FromMinutes(1));
        await Send(new RequestStrandedCorrections(Patience));

        Assert.Equal(TicketStatus.Resolved, await StatusOf(number));
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Single(await session.Events.QueryRawEventDataOnly<ImeiCorrected>().Where(e => e.TicketNumber == number).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_decision_asks_the_same_correction_again_only_past_the_patience()
    {
        var now = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var device = new TicketDevice(Guid.NewGuid(), [Samsung, SamsungSecondImei], "Galaxy A54");
        var opened = new TicketOpened(Guid.NewGuid(), 100_001, TicketSubject.ImeiMismatch, SampleMobile, SampleNationalId, device,
            [Samsung, SamsungRealSecondImei], new Dictionary<string, string>(), "شرح", TicketStatus.AwaitingNetworkEvidence, now);
        var ticket = Ticket.Create(opened).Apply(new ImeiCorrectionRequested(opened.TicketId, SamsungSecondImei, SamsungRealSecondImei, Sweep, now));

        var (early, none) = RequestStrandedCorrectionsHandler.AskAgain(ticket, Sweep, now - TimeSpan.FromMinutes(1), now + Patience);
        var (events, correction) = RequestStrandedCorrectionsHandler.AskAgain(ticket, Sweep, now + TimeSpan.FromMinutes(1), now + Patience);

        Assert.Empty(early);
        Assert.Null(none);
        Assert.IsType<ImeiCorrectionAskedAgain>(Assert.Single(events));
        Assert.Equal(new { device.DeviceId, Wrong = SamsungSecondImei, Correct = SamsungRealSecondImei, Ticket = 100_001L },
            new { correction!.DeviceId, Wrong = correction.WrongImei, Correct = correction.CorrectImei, Ticket = correction.TicketNumber });
    }
}
