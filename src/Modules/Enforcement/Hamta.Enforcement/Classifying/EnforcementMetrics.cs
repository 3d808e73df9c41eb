using System.Diagnostics.Metrics;

namespace Hamta.Enforcement.Classifying;

/// <summary>The module's meter: a run stopped by the safety cap is an alert an operator watches for.</summary>
public sealed class EnforcementMetrics
{
    public const string MeterName = "Hamta.Enforcement";

    private readonly Counter<long> safetyStops;
    private readonly Counter<long> runs;

    public EnforcementMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        safetyStops = meter.CreateCounter<long>("hamta.enforcement.safety_stops", "{run}", "Classification runs stopped because a condition matched more than its share");
        runs = meter.CreateCounter<long>("hamta.enforcement.runs", "{run}", "Classification runs applied");
    }

    public void Stopped() => safetyStops.Add(1);

    public void Applied() => runs.Add(1);
}
