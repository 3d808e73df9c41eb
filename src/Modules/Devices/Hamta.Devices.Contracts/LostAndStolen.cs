namespace Hamta.Devices.Contracts;

/// <summary>The owner reported the device lost or stolen: its IMEIs are blocked at once (published by Devices).</summary>
public sealed record DeviceReportedLost(Guid DeviceId, string CaseNumber, IReadOnlyList<string> Imeis, DateTimeOffset ReportedAt);

/// <summary>The device of a lost-or-stolen case was found: its IMEIs are unblocked (published by Devices).</summary>
public sealed record DeviceFound(Guid DeviceId, string CaseNumber, IReadOnlyList<string> Imeis, DateTimeOffset FoundAt);
