namespace Hamta.Devices.Registry;

/// <summary>
/// The database's guarantee that an IMEI belongs to at most one device: the IMEI is the primary key,
/// and claims are only ever inserted, so a second device claiming it fails the whole transaction.
/// </summary>
public sealed record ImeiClaim(string Id, Guid DeviceId);
