namespace Hamta.Devices.Contracts;

/// <summary>Staff or an authority blocked a device by hand: its IMEIs go on the operators' block list (published by Devices).</summary>
public sealed record DeviceBlockedByHand(Guid DeviceId, IReadOnlyList<string> Imeis, string Reason, string By, DateTimeOffset BlockedAt);

/// <summary>A block by hand was lifted: its IMEIs leave the block list, unless another condition keeps them there (published by Devices).</summary>
public sealed record DeviceUnblockedByHand(Guid DeviceId, IReadOnlyList<string> Imeis, string Reason, string By, DateTimeOffset UnblockedAt);
