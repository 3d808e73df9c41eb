using Hamta.Host.Infrastructure;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Hamta.Tickets.Contracts;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine.Tracking;

namespace Hamta.Tests.Resolution;

public sealed class RecurringJobTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private static readonly TicketActor Agent = new(TicketActorKind.Agent, "agent");

    private async Task<long> OpenOther(string description = "شرح") =>
        (await Ask<OpenTicketResult>(new OpenTicket(TicketSubject.Other, SampleMobile, SampleNationalId, null, [], new Dictionary<string, string>(), description))).Number;

    private async Task Act(long number, TicketAction action, string text)
    {
        var version = (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Version;
        await AndWaitForMessages(() => Ask<TicketActionResult>(new ActOnTicket(number, action, Agent, text, version)));
    }

    private async Task<TicketStatus> StatusOf(long number) => (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status;

    [Fact]
    public async Task The_jobs_are_on_the_dashboard_schedule()
    {
        await Task.WhenAll(Host.Services.GetServices<IHostedService>().OfType<RecurringJobSchedule>().Select(schedule => schedule.Scheduled));
        using var connection = Host.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs().Select(job => job.Id);

        Assert.Contains(TicketJobs.Recheck, jobs);
        Assert.Contains(TicketJobs.AutoClose, jobs);
        Assert.Contains(TicketJobs.Remind, jobs);
    }

    [Fact]
    public async Task The_sweep_over_thousands_of_waiting_tickets_goes_a_thousand_at_a_time_and_asks_the_sim_module_once_for_each()
    {
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<Marten.IDocumentStore>().LightweightSession();
            for (var i = 0; i < 2500; i++)
            {
                var id = Guid.CreateVersion7();
                session.Events.StartStream<Hamta.Tickets.Tickets.Ticket>(id, new Hamta.Tickets.Tickets.TicketOpened(
                    id, 900_000 + i, TicketSubject.ImeiMismatch, SampleMobile, SampleNationalId, null, [Samsung, SamsungRealSecondImei],
                    new Dictionary<string, string>(), "شرح", TicketStatus.AwaitingNetworkEvidence, Clock.GetUtcNow()));
            }

            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
            await session.DisposeAsync();
        }

        var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromMinutes(2))
            .ExecuteAndWaitAsync(context => context.InvokeAsync(new SweepAwaitingTickets(TimeSpan.FromDays(7))));

        Assert.Equal(new long[] { 0, 900_999, 901_999 }, tracked.Executed.MessagesOf<SweepAwaitingTickets>().Select(page => page.After).Order());
        var requests = tracked.Sent.MessagesOf<FindNetworkEvidence>().ToList();
        Assert.Equal(3, requests.Count);
        Assert.Equal(2500, requests.Sum(r => r.Requests.Count));
        Assert.Equal(3, tracked.Executed.MessagesOf<NetworkEvidenceFound>().Count());
    }

    [Fact]
    public async Task A_resolved_ticket_nobody_reopened_is_closed_after_seven_days()
    {
        var number = await OpenOther();
        await Act(number, TicketAction.Resolve, "رفع شد.");

        Clock.Advance(TimeSpan.FromDays(6));
        await Send(new CloseSettledTickets());
        Assert.Equal(TicketStatus.Resolved, await StatusOf(number));

        Clock.Advance(TimeSpan.FromDays(2));
        await Send(new CloseSettledTickets());
        Assert.Equal(TicketStatus.Closed, await StatusOf(number));
        Assert.Contains(await SmsTo(SampleMobile, SmsKind.Notice), sms => sms.Text.Contains($"تیکت {Display.Number(number)} بسته شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unanswered_request_gets_one_reminder_then_the_ticket_is_closed()
    {
        var number = await OpenOther();
        await Act(number, TicketAction.RequestInformation, "مدرک خرید را بفرستید.");
        var sweep = new RemindUnansweredTickets(TimeSpan.FromDays(3), TimeSpan.FromDays(10));

        Clock.Advance(TimeSpan.FromDays(4));
        await Send(sweep);
        await Send(sweep);
        Assert.Single(await SmsTo(SampleMobile, SmsKind.Notice), sms => sms.Text.Contains("به پاسخ شما نیاز است", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.AwaitingSubscriber, await StatusOf(number));

        Clock.Advance(TimeSpan.FromDays(7));
        await Send(sweep);
        Assert.Equal(TicketStatus.Closed, await StatusOf(number));
    }
}
