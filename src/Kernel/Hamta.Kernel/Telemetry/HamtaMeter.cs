namespace Hamta.Kernel.Telemetry;

/// <summary>The meter Hamta's own measurements belong to; the Host exports it at <c>/metrics</c> (ADR 0014).</summary>
public static class HamtaMeter
{
    public const string Name = "Hamta";
}
