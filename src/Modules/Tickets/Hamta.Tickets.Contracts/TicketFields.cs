namespace Hamta.Tickets.Contracts;

/// <summary>Names of the subject-specific fields a ticket may carry.</summary>
public static class TicketFields
{
    public const string Imei = "imei";
    public const string NewImei = "newImei";
    public const string OldSim = "oldSim";
}
