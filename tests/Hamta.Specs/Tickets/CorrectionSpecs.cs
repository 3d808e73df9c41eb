using Hamta.Devices.Contracts;
using Hamta.Kernel.Text;
using Hamta.Tickets.Acting;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Correcting;
using Hamta.Tickets.Tickets;

namespace Hamta.Specs.Tickets;

public sealed class CorrectionSpecs : TicketSpecification
{
    private static readonly TicketActor Registry = new(TicketActorKind.System, "registry correction");
    private static readonly DateTimeOffset Now = Opened.AddDays(1);

    private static ImeiCorrectionRequested AgentAsked(string message = "با فاکتور خرید بررسی شد.") =>
        new(TicketId, SamsungSecondImei, SamsungRealSecondImei, Agent, Now, message);

    [Fact]
    public void An_agent_resolving_a_mismatch_ticket_asks_the_registry_to_correct_the_second_imei_instead()
    {
        var ticket = Given(MismatchOpened(), new TicketAssigned(TicketId, Agent, Opened.AddHours(1)));

        var (outcome, change) = TicketDecisions.Decide(ticket, new ActOnTicket(Number, TicketAction.Resolve, Agent, "با فاکتور خرید بررسی شد.", 2), Now);

        Assert.Equal(TicketActionOutcome.CorrectionRequested, outcome);
        Assert.Equal(AgentAsked(), change);
    }

    [Fact]
    public void While_a_correction_is_pending_the_ticket_can_be_neither_resolved_nor_rejected()
    {
        var pending = Given(MismatchOpened(), AgentAsked());

        Assert.Equal(TicketActionOutcome.NotAllowed, TicketDecisions.Decide(pending, new ActOnTicket(Number, TicketAction.Resolve, Agent, "رفع", 2), Now).Item1);
        Assert.Equal(TicketActionOutcome.NotAllowed, TicketDecisions.Decide(pending, new ActOnTicket(Number, TicketAction.Reject, Agent, "رد", 2), Now).Item1);
    }

    [Fact]
    public void The_registrys_correction_resolves_the_ticket_in_the_agents_name_and_the_sms_says_what_changed()
    {
        var (events, sms) = Corrections.Answer(Given(MismatchOpened(), AgentAsked()), ImeiCorrectionOutcome.Corrected, Registry, Now);

        var resolved = Assert.IsType<TicketResolved>(Assert.Single(events));
        Assert.Equal((Agent, "با فاکتور خرید بررسی شد."), (resolved.Actor, resolved.Message));
        Assert.Contains($"از {Display.Identifier(SamsungSecondImei)} به {Display.Identifier(SamsungRealSecondImei)}", sms!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_automatic_correction_resolves_the_ticket_in_the_systems_name_saying_which_imei_changed()
    {
        var automatic = new ImeiCorrectionRequested(TicketId, SamsungSecondImei, SamsungRealSecondImei, new TicketActor(TicketActorKind.System, "network evidence"), Now);

        var resolved = Assert.IsType<TicketResolved>(Assert.Single(Corrections.Answer(Given(MismatchOpened(), automatic), ImeiCorrectionOutcome.Corrected, Registry, Now).Events));

        Assert.Equal(Registry, resolved.Actor);
        Assert.Contains($"از {Display.Identifier(SamsungSecondImei)} به {Display.Identifier(SamsungRealSecondImei)}", resolved.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImeiCorrectionOutcome.OwnerChanged, "مالک دستگاه")]
    [InlineData(ImeiCorrectionOutcome.WrongImeiGone, "شناسه اشتباه")]
    [InlineData(ImeiCorrectionOutcome.CorrectImeiTaken, "شناسه درست به نام دستگاه دیگری")]
    [InlineData(ImeiCorrectionOutcome.UnknownDevice, "پیدا نشد")]
    public void A_refused_correction_leaves_the_ticket_with_an_agent_with_the_reason_in_persian(ImeiCorrectionOutcome outcome, string reason)
    {
        var (events, sms) = Corrections.Answer(Given(MismatchOpened(), AgentAsked()), outcome, Registry, Now);

        var refused = Assert.IsType<ImeiCorrectionRefused>(Assert.Single(events));
        Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
        Assert.Null(sms);
        var after = Given(MismatchOpened(), AgentAsked(), refused);
        Assert.Equal((TicketStatus.InReview, false), (after.Status, after.CorrectionPending));
    }

    [Fact]
    public void An_answer_delivered_twice_changes_the_ticket_once()
    {
        var (events, _) = Corrections.Answer(Given(MismatchOpened(), AgentAsked()), ImeiCorrectionOutcome.Corrected, Registry, Now);

        var again = Corrections.Answer(Given(MismatchOpened(), [AgentAsked(), .. events]), ImeiCorrectionOutcome.Corrected, Registry, Now.AddSeconds(1));

        Assert.Empty(again.Events);
        Assert.Null(again.Sms);
    }
}
