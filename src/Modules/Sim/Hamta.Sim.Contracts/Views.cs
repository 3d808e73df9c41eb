namespace Hamta.Sim.Contracts;

/// <summary>
/// SQL views the Sim module publishes for set-based reads by other modules (enforcement): their columns are part
/// of the contract; the tables behind them are not.
/// </summary>
public static class SimViews
{
    /// <summary>Every stored sighting: imei, imei_valid, imsi, msisdn, national_id (of the SIM's owner, when known), operator, observed_at.</summary>
    public const string Sightings = "sim.sightings_v";
}
