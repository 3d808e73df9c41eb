using Hamta.Devices.Contracts;

namespace Hamta.Devices.Registry;

/// <summary>
/// A device as it was declared: one insert-only row of <c>devices.registrations</c>. A device with no
/// change since has no event stream; its first change starts the stream with <see cref="Events"/>.
/// </summary>
public sealed record Registration(
    Guid DeviceId,
    IReadOnlyList<string> Imeis,
    string Brand,
    string Model,
    ImportType ImportType,
    string Importer,
    TravellerDeclaration? Traveller,
    string? ActivationCodeHash,
    ActivationCodeReason? ActivationCodeReason,
    DateTimeOffset DeclaredAt,
    Guid? DeclarationsFile = null)
{
    /// <summary>The declaration as events: how a device's stream opens, and how a device that never changed is read.</summary>
    public IReadOnlyList<object> Events()
    {
        var declared = new DeviceDeclared(DeviceId, Imeis, Brand, Model, ImportType, Importer, Traveller, DeclaredAt);
        return ActivationCodeHash is { } hash
            ? [declared, new ActivationCodeIssued(DeviceId, hash, ActivationCodeReason ?? Registry.ActivationCodeReason.Box, DeclaredAt)]
            : [declared];
    }

    public Device ToDevice() => Events().Skip(1).Aggregate(Device.Create((DeviceDeclared)Events()[0]), (device, e) => device.Apply((ActivationCodeIssued)e));

    /// <summary>The registration a declaration makes, its activation code kept only as a hash.</summary>
    public static Registration Of(Guid deviceId, DeclareDevice declaration, string? codeHash, ActivationCodeReason? reason, DateTimeOffset now, Guid? file = null) =>
        new(deviceId, declaration.Imeis, declaration.Brand.Trim(), declaration.Model.Trim(), declaration.ImportType, declaration.Importer.Trim(),
            declaration.Traveller, codeHash, reason, now, file);
}
