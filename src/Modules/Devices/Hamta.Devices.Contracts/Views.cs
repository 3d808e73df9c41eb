namespace Hamta.Devices.Contracts;

/// <summary>
/// SQL views the Devices module publishes for set-based reads by other modules (enforcement): their columns are
/// part of the contract; the tables behind them are not.
/// </summary>
public static class DevicesViews
{
    /// <summary>Each IMEI of an owned device: imei, device_id, owner_national_id.</summary>
    public const string OwnedImeis = "devices.owned_imeis_v";
}
