using Hamta.Tickets.Contracts;
using Hamta.Tickets.Evidence;
using Hamta.Tickets.Tickets;

namespace Hamta.Specs.Tickets;

public sealed class EvidenceSpecs : TicketSpecification
{
    private static readonly TicketActor Network = new(TicketActorKind.System, "network evidence");
    private static readonly DateTimeOffset Seen = Opened.AddHours(2);

    [Fact]
    public void The_first_correct_imei_seen_is_recorded_and_asks_for_nothing_yet()
    {
        var (events, correction) = EvidenceRules.Record(Given(MismatchOpened()), Samsung, Sim, Seen, Network, Seen);

        var seen = Assert.IsType<NetworkEvidenceRecorded>(Assert.Single(events));
        Assert.Equal(Samsung, seen.Imei);
        Assert.Null(correction);
    }

    [Fact]
    public void The_second_correct_imei_completes_the_evidence_and_asks_the_registry_to_correct_the_second_imei()
    {
        var ticket = Given(MismatchOpened(), new NetworkEvidenceRecorded(TicketId, Samsung, Sim, Seen, Network, Seen));

        var (events, correction) = EvidenceRules.Record(ticket, SamsungRealSecondImei, Sim, Seen.AddMinutes(3), Network, Seen.AddMinutes(3));

        Assert.Collection(events,
            e => Assert.Equal(SamsungRealSecondImei, Assert.IsType<NetworkEvidenceRecorded>(e).Imei),
            e => Assert.Equal((SamsungSecondImei, SamsungRealSecondImei), (Assert.IsType<ImeiCorrectionRequested>(e).WrongImei, ((ImeiCorrectionRequested)e).CorrectImei)));
        Assert.Equal(SamsungDevice.DeviceId, correction!.DeviceId);
        Assert.Equal((SamsungSecondImei, SamsungRealSecondImei, NationalId), (correction.WrongImei, correction.CorrectImei, correction.OwnerNationalId));
    }

    [Fact]
    public void A_sighting_seen_twice_or_of_another_imei_changes_nothing()
    {
        var ticket = Given(MismatchOpened(), new NetworkEvidenceRecorded(TicketId, Samsung, Sim, Seen, Network, Seen));

        Assert.Empty(EvidenceRules.Record(ticket, Samsung, Sim, Seen.AddMinutes(1), Network, Seen).Events);
        Assert.Empty(EvidenceRules.Record(ticket, SamsungSecondImei, Sim, Seen.AddMinutes(1), Network, Seen).Events);
    }

    [Fact]
    public void A_ticket_handed_to_the_registry_or_to_an_agent_takes_no_more_evidence()
    {
        var requested = Given(MismatchOpened(), new ImeiCorrectionRequested(TicketId, SamsungSecondImei, SamsungRealSecondImei, Network, Seen));
        var handed = Given(MismatchOpened(), new TicketHandedToAgent(TicketId, Network, "مالک تغییر کرده است.", Seen));

        Assert.Empty(EvidenceRules.Record(requested, SamsungRealSecondImei, Sim, Seen, Network, Seen).Events);
        Assert.Empty(EvidenceRules.Record(handed, SamsungRealSecondImei, Sim, Seen, Network, Seen).Events);
    }
}
