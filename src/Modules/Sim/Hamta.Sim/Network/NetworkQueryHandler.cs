using Hamta.Kernel.Reads;
using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.Network;

public static class NetworkQueryHandler
{
    public static async Task<SeenOnNetworkAnswer> Handle(WasSeenOnNetwork query, IQuerySession session, CancellationToken cancellation)
    {
        var sightings = session.Query<AttachObservation>()
            .Where(x => x.Imei == query.Imei && x.ImeiValid && x.ObservedAt >= query.Since);
        sightings = query.NationalId is { } nationalId
            ? sightings.Where(x => x.Msisdn == query.Sim || x.NationalId == nationalId)
            : sightings.Where(x => x.Msisdn == query.Sim);
        var last = await sightings.OrderByDescending(x => x.ObservedAt).FirstOrDefaultAsync(cancellation);
        return new SeenOnNetworkAnswer(last is not null, last?.ObservedAt);
    }

    public static async Task<LastSeenOnNetwork> Handle(FindLastSeenOnNetwork query, IStandbyReads standby, CancellationToken cancellation)
    {
        var imeis = query.Imeis.ToArray();
        await using var session = standby.QuerySession();
        var sightings = await session.Query<AttachObservation>()
            .Where(x => imeis.Contains(x.Imei) && x.ImeiValid)
            .Select(x => new { x.Imei, x.ObservedAt })
            .ToListAsync(cancellation);
        return new LastSeenOnNetwork(sightings.GroupBy(x => x.Imei).ToDictionary(g => g.Key, g => g.Max(x => x.ObservedAt)));
    }
}
