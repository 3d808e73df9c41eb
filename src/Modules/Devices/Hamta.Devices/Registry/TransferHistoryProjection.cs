using Hamta.Devices.Contracts;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Hamta.Devices.Registry;

/// <summary>One history row per completed transfer, keyed by its event so a rebuild gives the same rows.</summary>
public sealed partial class TransferHistoryProjection : EventProjection
{
    public static TransferRecord Create(IEvent<OwnershipTransferred> e) =>
        new(e.Id, e.Data.DeviceId, e.Data.Imeis, e.Data.FromSim, e.Data.FromNationalId, e.Data.ToSim, e.Data.ToNationalId, e.Data.TransferredAt);
}
