using Hamta.Devices.Contracts;
using Hamta.Enforcement.Contracts;
using Hamta.Sim.Contracts;

namespace Hamta.Enforcement.Classifying;

/// <summary>An accepted dump brought a day of sightings: the whole window is classified again.</summary>
public static class SightingsDumpStoredHandler
{
    public static ClassifyImeis Handle(SightingsDumpStored dump) => new($"dump:{dump.Operator}");
}

/// <summary>A device was activated, transferred, corrected or repaired: its IMEIs are classified again at once, lifting what no longer holds.</summary>
public static class DeviceRegistrationChangedHandler
{
    public static ClassifyImeis Handle(DeviceRegistrationChanged change) => new(change.Cause, change.Imeis);
}
