namespace Hamta.Devices.Contracts;

/// <summary>The owner reported the device lost or stolen: its IMEIs are blocked at once (published by Devices).</summary>
public sealed record DeviceReportedLost(Guid DeviceId, string CaseNumber, IReadOnlyList<string> Imeis, DateTimeOffset ReportedAt);

/// <summary>The device of a lost-or-stolen case was found: its IMEIs are unblocked (published by Devices).</summary>
public sealed record DeviceFound(Guid DeviceId, string CaseNumber, IReadOnlyList<string> Imeis, DateTimeOffset FoundAt);

public enum LossKind
{
    Lost,
    Stolen,
}

/// <summary>
/// A subscriber reports a device their national ID owns as lost or stolen: when (a day, as the owner remembers it),
/// where, and the police report's number when there is one. Answered with the case number.
/// </summary>
public sealed record ReportDeviceLost(
    string Imei, string ReporterSim, string ReporterNationalId, LossKind Kind, DateOnly LostOn, string? Place, string? PoliceReportNumber)
{
    public const int MaxPlaceLength = 200;
    public const int MaxPoliceReportLength = 30;
}

public enum LossReportOutcome
{
    Reported,
    AlreadyReported,
    NotYourDevice,
    LostInTheFuture,
    MissingPlace,
    PlaceTooLong,
    InvalidPoliceReport,
}

/// <summary>The case number of the report, or of the open case when the device was already reported.</summary>
public sealed record LossReportResult(LossReportOutcome Outcome, string? CaseNumber = null);

/// <summary>The device of a case was found: by the subscriber whose national ID owns it, or by an agent (no national ID).</summary>
public sealed record MarkDeviceFound(string CaseNumber, string? OwnerNationalId, string By);

public enum FoundOutcome
{
    Found,
    UnknownCase,
    NotYourDevice,
    AlreadyFound,
}

public sealed record FoundResult(FoundOutcome Outcome);

public enum LostCaseStatus
{
    Open,
    Found,
}

public sealed record LostCaseDetails(
    string CaseNumber,
    Guid DeviceId,
    IReadOnlyList<string> Imeis,
    string Brand,
    string Model,
    LossKind Kind,
    DateOnly LostOn,
    string Place,
    string? PoliceReportNumber,
    string ReporterSim,
    string ReporterNationalId,
    DateTimeOffset ReportedAt,
    LostCaseStatus Status,
    DateTimeOffset? FoundAt,
    string? FoundBy);

/// <summary>One case by its number; null when there is none, or, for a subscriber, when their national ID did not report it (staff pass null).</summary>
public sealed record FindLostCase(string CaseNumber, string? ReporterNationalId = null);

/// <summary>The staff's list: the newest cases first, open ones only unless <see cref="IncludeFound"/>.</summary>
public sealed record FindLostCases(bool IncludeFound, int Limit = 200);
