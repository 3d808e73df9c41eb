using Hamta.Kernel.Reads;
using Hamta.Sim.Contracts;
using Marten;

namespace Hamta.Sim.Network;

public static class NetworkQueryHandler
{
    /// <summary>The last sighting of each IMEI, read from a standby when one is fresh enough (the public inquiry's read).</summary>
    public static async Task<LastSeenOnNetwork> Handle(FindLastSeenOnNetwork query, IStandbyReads standby, CancellationToken cancellation)
    {
        var imeis = query.Imeis.Distinct().ToArray();
        if (imeis.Length == 0)
        {
            return new LastSeenOnNetwork(new Dictionary<string, DateTimeOffset>());
        }

        await using var session = standby.QuerySession();
        var lastSeen = await session.QueryAsync<LastSighting>(
            $"select jsonb_build_object('Imei', imei, 'ObservedAt', max(observed_at)) from {SightingsStorage.Table} where imei = any(?) and imei_valid group by imei",
            cancellation, (object)imeis);
        return new LastSeenOnNetwork(lastSeen.ToDictionary(x => x.Imei, x => x.ObservedAt));
    }

    /// <summary>The earliest well-formed sighting of the IMEI with the number: one probe of each day's primary key.</summary>
    public static async Task<FirstSightingWithSim> Handle(FindFirstSightingWithSim query, IQuerySession session, CancellationToken cancellation)
    {
        var first = await session.QueryAsync<FirstSeen>(
            $"select jsonb_build_object('SeenAt', min(observed_at)) from {SightingsStorage.Table} where imei = ? and msisdn = ? and imei_valid",
            cancellation, query.Imei, query.Msisdn);
        return new FirstSightingWithSim(first.Single().SeenAt);
    }

    private sealed record FirstSeen(DateTimeOffset? SeenAt);

    public static async Task<IReadOnlyList<ImeiSighting>> Handle(FindSightingsSince query, IQuerySession session, CancellationToken cancellation) =>
        query.Imeis.Count == 0
            ? []
            : await session.QueryAsync<ImeiSighting>(
                $"select jsonb_build_object('Imei', imei, 'Msisdn', msisdn, 'Operator', operator, 'ObservedAt', observed_at) from {SightingsStorage.Table} "
                + "where imei = any(?) and observed_at >= ? order by observed_at desc limit ?",
                cancellation, query.Imeis.Distinct().ToArray(), query.Since, query.Limit);

    private sealed record LastSighting(string Imei, DateTimeOffset ObservedAt);
}
