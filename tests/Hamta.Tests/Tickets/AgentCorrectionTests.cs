using Hamta.Devices.Contracts;
using Hamta.Host;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Hamta.Tests.Tickets;

/// <summary>An agent's «رفع» of an IMEI-mismatch ticket changes the registry with the automatic path's rules, or is refused with the reason.</summary>
public sealed class AgentCorrectionTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private const string WrongSecondImei = SamsungSecondImei;
    private const string RealSecondImei = SamsungRealSecondImei;

    private async Task<PortalPage> AgentPressesResolve(long number, string text)
    {
        var agent = NewBrowser();
        Assert.Equal("/staff", (await agent.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "agent", ["password"] = DemoPasswords.Agent })).Location);
        var done = await AndWaitForMessages(() => agent.SubmitAsync($"/staff/tickets/{number}", new Dictionary<string, string> { ["text"] = text }, $"/staff/tickets/{number}?handler=Resolve"));
        Assert.Equal($"/staff/tickets/{number}?done=CorrectionRequested", done.Location);
        return await agent.GetAsync(done.Location!);
    }

    private async Task<IReadOnlyList<string>> SamsungImeis() =>
        (await Ask<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(SampleNationalId))).Single(d => d.Model == "Galaxy A54").Imeis;

    [Fact]
    public async Task An_agent_resolving_a_mismatch_ticket_corrects_the_second_imei_and_the_sms_says_what_changed()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));

        var page = await AgentPressesResolve(number, "با مدارک خرید بررسی و اصلاح شد.");

        Assert.Contains("درخواست اصلاح شناسه دوم به همتا فرستاده شد", page.Document.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        var ticket = (await Ask<TicketDetails?>(new GetTicket(number, null)))!;
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        var resolved = ticket.Timeline.Single(e => e.Kind == TicketEntryKind.Resolved);
        Assert.Equal(("با مدارک خرید بررسی و اصلاح شد.", TicketActorKind.Agent, "agent"), (resolved.Text, resolved.Actor.Kind, resolved.Actor.Name));
        Assert.Equal([Samsung, RealSecondImei], await SamsungImeis());
        Assert.Contains(await SmsTo(SampleMobile, SmsKind.Notice),
            sms => sms.Text.Contains($"تیکت {Display.Number(number)} رفع شد", StringComparison.Ordinal) && sms.Text.Contains($"از {Display.Identifier(WrongSecondImei)} به {Display.Identifier(RealSecondImei)}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correction_the_registry_refuses_leaves_the_ticket_with_the_agent_with_the_reason_and_it_can_be_rejected()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        Assert.Equal(DeclarationOutcome.Declared, (await Ask<DeclarationResult>(
            new DeclareDevice([RealSecondImei], "Samsung", "Galaxy A54", ImportType.Commercial, "واردکننده دیگر"))).Outcome);
        var noticesBefore = (await SmsTo(SampleMobile, SmsKind.Notice)).Count;

        var page = await AgentPressesResolve(number, "اصلاح شد.");

        var ticket = (await Ask<TicketDetails?>(new GetTicket(number, null)))!;
        Assert.Equal(TicketStatus.InReview, ticket.Status);
        Assert.Contains("شناسه درست به نام دستگاه دیگری ثبت است", ticket.Timeline[^1].Text, StringComparison.Ordinal);
        Assert.Contains(WrongSecondImei, await SamsungImeis());
        Assert.Equal(noticesBefore, (await SmsTo(SampleMobile, SmsKind.Notice)).Count);
        Assert.Null(page.Document.QuerySelector("#settled"));

        var rejected = await AndWaitForMessages(() => Ask<TicketActionResult>(new ActOnTicket(
            number, TicketAction.Reject, new TicketActor(TicketActorKind.Agent, "agent"), "شناسه درست متعلق به دستگاه دیگری است.", ticket.Version)));
        Assert.Equal(TicketActionOutcome.Done, rejected.Outcome);
    }

    [Fact]
    public void Every_step_of_a_timeline_has_a_persian_label_for_staff_and_subscribers()
    {
        var staff = Host.Services.GetRequiredService<IStringLocalizer<StaffResource>>();
        var subscribers = Host.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        foreach (var kind in Enum.GetValues<TicketEntryKind>())
        {
            Assert.False(staff[$"Entry_{kind}"].ResourceNotFound, $"staff: Entry_{kind}");
            Assert.False(subscribers[$"Entry_{kind}"].ResourceNotFound, $"subscribers: Entry_{kind}");
        }
    }
}
