using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;

namespace Hamta.Devices.ReportingLost;

/// <summary>A lost-or-stolen case as the staff work it: one document per case number, made from the device's events.</summary>
public sealed record LostCase(
    string Id,
    Guid DeviceId,
    IReadOnlyList<string> Imeis,
    LossKind Kind,
    DateOnly LostOn,
    string Place,
    string? PoliceReportNumber,
    string ReporterSim,
    string ReporterNationalId,
    DateTimeOffset ReportedAt,
    LostCaseStatus Status = LostCaseStatus.Open,
    DateTimeOffset? FoundAt = null,
    string? FoundBy = null);

public sealed class LostCaseProjection : MultiStreamProjection<LostCase, string>
{
    public LostCaseProjection()
    {
        Identity<DeviceLossReported>(e => e.CaseNumber);
        Identity<LostDeviceFound>(e => e.CaseNumber);
    }

    public static LostCase Create(DeviceLossReported e) =>
        new(e.CaseNumber, e.DeviceId, e.Imeis, e.Kind, e.LostOn, e.Place, e.PoliceReportNumber, e.ReporterSim, e.ReporterNationalId, e.ReportedAt);

    public static LostCase Apply(LostDeviceFound e, LostCase current) =>
        current with { Status = LostCaseStatus.Found, FoundAt = e.FoundAt, FoundBy = e.By };
}

/// <summary>Case numbers: short, unique and increasing, from a PostgreSQL sequence shared by every node.</summary>
public static class LostCaseNumbers
{
    public const long First = 500_001;
    public static readonly PostgresqlObjectName Sequence = new(DevicesModule.Schema, "lost_case_numbers", SchemaUtils.IdentifierUsage.General);

    public static Sequence SchemaObject() => new(Sequence, First);

    public static async Task<string> NextAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.QueryAsync<long>($"select nextval('{Sequence.QualifiedName}')", cancellation)).Single()
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
}
