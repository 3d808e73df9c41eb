namespace Hamta.Sim.Network;

/// <summary>The <c>Hamta:Network</c> settings.</summary>
public sealed class NetworkSettings
{
    public const string Section = "Hamta:Network";

    /// <summary>How long sightings are kept; older ones are refused and their partitions dropped.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>How many days of partitions exist ahead of today.</summary>
    public int PartitionsAheadDays { get; set; } = 3;

    /// <summary>How far in the future an operator's clock may be.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    public DumpThresholds DumpThresholds { get; set; } = new();

    /// <summary>Each operator's MCC-MNC prefixes (<c>Hamta:Network:ImsiPrefixes:&lt;operator&gt;</c>); a dump's IMSIs are checked against them.</summary>
    public Dictionary<string, string[]> ImsiPrefixes { get; set; } = [];
}
