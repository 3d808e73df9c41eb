namespace Hamta.Devices.Contracts;

/// <summary>Staff or an authority blocked a device by hand: its IMEIs go on the operators' block list (published by Devices).</summary>
public sealed record DeviceBlockedByHand(Guid DeviceId, IReadOnlyList<string> Imeis, string Reason, string By, DateTimeOffset BlockedAt);

/// <summary>A block by hand was lifted: its IMEIs leave the block list, unless another condition keeps them there (published by Devices).</summary>
public sealed record DeviceUnblockedByHand(Guid DeviceId, IReadOnlyList<string> Imeis, string Reason, string By, DateTimeOffset UnblockedAt);

/// <summary>An authority blocks a device (stolen, counterfeit); a blocked device cannot be activated, transferred or repaired.</summary>
public sealed record BlockDevice(string Imei, string Reason, string By)
{
    /// <summary>The longest reason for a block or its lifting, in characters.</summary>
    public const int MaxReasonLength = 500;
}

/// <summary>Lifts a block, with the reason it no longer holds.</summary>
public sealed record UnblockDevice(string Imei, string Reason, string By);
