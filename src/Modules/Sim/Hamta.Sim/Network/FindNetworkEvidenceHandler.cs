using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.Network;

/// <summary>Answers a batch of evidence requests with one query, however many cases it holds.</summary>
public static class FindNetworkEvidenceHandler
{
    public static async Task<NetworkEvidenceFound> Handle(FindNetworkEvidence query, IQuerySession session, CancellationToken cancellation)
    {
        var imeis = query.Requests.SelectMany(r => r.Imeis).Distinct().ToArray();
        var sims = query.Requests.Select(r => r.Sim).Distinct().ToArray();
        var nationalIds = query.Requests.Select(r => r.NationalId).Distinct().ToArray();
        var sightings = await session.Query<AttachObservation>()
            .Where(x => x.ImeiValid && imeis.Contains(x.Imei) && (sims.Contains(x.Msisdn) || nationalIds.Contains(x.NationalId)))
            .Select(x => new { x.Imei, x.Msisdn, x.NationalId, x.ObservedAt })
            .ToListAsync(cancellation);

        var found = query.Requests
            .SelectMany(request => sightings
                .Where(s => request.Imeis.Contains(s.Imei) && (s.Msisdn == request.Sim || s.NationalId == request.NationalId))
                .GroupBy(s => s.Imei)
                .Select(g => g.MaxBy(s => s.ObservedAt)!)
                .Select(s => new EvidenceSighting(request.RequestId, s.Imei, s.Msisdn, s.ObservedAt)))
            .ToList();
        return new NetworkEvidenceFound(found);
    }
}
