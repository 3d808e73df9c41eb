using Hamta.Devices.Contracts;

namespace Hamta.Devices.Blocking;

/// <summary>A block by hand and its lifting each need a reason, trimmed, no longer than <see cref="BlockDevice.MaxReasonLength"/>.</summary>
public static class BlockReasons
{
    public static DeviceChangeResult? Refusal(string? reason) => (reason ?? string.Empty).Trim() switch
    {
        "" => new DeviceChangeResult(DeviceChangeOutcome.ReasonRequired),
        { Length: > BlockDevice.MaxReasonLength } => new DeviceChangeResult(DeviceChangeOutcome.ReasonTooLong),
        _ => null,
    };
}
