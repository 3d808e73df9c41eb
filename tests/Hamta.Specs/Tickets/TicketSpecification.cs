using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;

namespace Hamta.Specs.Tickets;

/// <summary>
/// Given a ticket's events, when a decision is taken, then these events (and messages) follow: the pure
/// decisions of the Tickets module, without a host or a database.
/// </summary>
public abstract class TicketSpecification
{
    protected static readonly DateTimeOffset Opened = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    protected static readonly Guid TicketId = Guid.Parse("6f0c8d3e-2c4b-4d8e-9a51-0b7a1c2d3e4f");
    protected const long Number = 100_001;
    protected const string Sim = SampleMobile;
    protected const string NationalId = SampleNationalId;
    protected static readonly TicketActor Subscriber = new(TicketActorKind.Subscriber, Sim);
    protected static readonly TicketActor Agent = new(TicketActorKind.Agent, "agent");

    /// <summary>The seed's case: the Samsung registered with …817 as its second IMEI, really …825.</summary>
    protected static readonly TicketDevice SamsungDevice = new(Guid.Parse("1d2c3b4a-0000-4000-8000-000000000001"), [Samsung, SamsungSecondImei], "Galaxy A54");

    protected static TicketOpened MismatchOpened() => new(
        TicketId, Number, TicketSubject.ImeiMismatch, Sim, NationalId, SamsungDevice, [Samsung, SamsungRealSecondImei],
        new Dictionary<string, string>(), "شناسه دوم اشتباه ثبت شده است.", TicketStatus.AwaitingNetworkEvidence, Opened);

    protected static TicketOpened OtherOpened() => new(
        TicketId, Number, TicketSubject.Other, Sim, NationalId, null, [], new Dictionary<string, string>(), "سؤال دارم.", TicketStatus.Submitted, Opened);

    /// <summary>The ticket its events make, with the aggregate's own code.</summary>
    protected static Ticket Given(TicketOpened opened, params object[] events) =>
        events.Aggregate(Ticket.Create(opened), (ticket, e) => (Ticket)((dynamic)ticket).Apply((dynamic)e));
}
