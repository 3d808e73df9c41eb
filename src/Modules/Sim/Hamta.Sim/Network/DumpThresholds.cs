namespace Hamta.Sim.Network;

/// <summary>
/// <c>Hamta:Network:DumpThresholds</c>: the largest share of a dump's rows each check allows, and the smallest row
/// count against the operator's recent dumps. A dump over any of them is refused whole (ADR 18).
/// </summary>
public sealed class DumpThresholds
{
    public double MissingFields { get; set; } = 0.01;

    public double MalformedImei { get; set; } = 0.05;

    public double ImsiOutsideOperator { get; set; } = 0.01;

    public double MsisdnOutsideCountry { get; set; } = 0.01;

    public double OutsideTimeWindow { get; set; } = 0.01;

    /// <summary>A dump with fewer rows than this share of the average of the operator's recent dumps is refused.</summary>
    public double MinRowsAgainstRecent { get; set; } = 0.5;

    /// <summary>How many of the operator's last accepted dumps make "recent".</summary>
    public int RecentDumps { get; set; } = 5;
}
