using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;

namespace Hamta.Devices.ReportingLost;

/// <summary>Lost-or-stolen cases as contract records, with the device's brand and model from its registration.</summary>
public static class LostCaseQueryHandler
{
    public static async Task<LostCaseDetails?> Handle(FindLostCase query, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<LostCase>(query.CaseNumber, cancellation) is { } lostCase
            && (query.ReporterNationalId is null || lostCase.ReporterNationalId == query.ReporterNationalId)
            ? (await DetailsAsync(session, [lostCase], cancellation)).Single()
            : null;

    public static async Task<IReadOnlyList<LostCaseDetails>> Handle(FindLostCases query, IQuerySession session, CancellationToken cancellation)
    {
        var cases = await session.Query<LostCase>()
            .Where(x => query.IncludeFound || x.Status == LostCaseStatus.Open)
            .OrderByDescending(x => x.ReportedAt)
            .Take(query.Limit)
            .ToListAsync(cancellation);
        return await DetailsAsync(session, cases, cancellation);
    }

    private static async Task<IReadOnlyList<LostCaseDetails>> DetailsAsync(IQuerySession session, IReadOnlyList<LostCase> cases, CancellationToken cancellation)
    {
        var registrations = (await Registrations.ByDevicesAsync(session, [.. cases.Select(c => c.DeviceId).Distinct()], cancellation))
            .ToDictionary(r => r.DeviceId);
        return cases.Select(c => new LostCaseDetails(
                c.Id, c.DeviceId, c.Imeis, registrations[c.DeviceId].Brand, registrations[c.DeviceId].Model, c.Kind, c.LostOn, c.Place, c.PoliceReportNumber,
                c.ReporterSim, c.ReporterNationalId, c.ReportedAt, c.Status, c.FoundAt, c.FoundBy))
            .ToList();
    }
}
