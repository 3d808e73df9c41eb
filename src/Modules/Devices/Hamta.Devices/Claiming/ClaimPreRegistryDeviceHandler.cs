using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Microsoft.Extensions.Options;

namespace Hamta.Devices.Claiming;

public static class ClaimPreRegistryDeviceHandler
{
    /// <summary>Where a claimed device comes from, in the registration's importer column.</summary>
    public const string Channel = "افزودن دستگاه";

    public static Task<Device?> LoadAsync(ClaimPreRegistryDevice command, IQuerySession session, CancellationToken cancellation) =>
        DeviceStreams.ByImeiAsync(session, command.Imei, cancellation);

    /// <summary>
    /// The registration row, its IMEI and the stream that opens with it are written in one transaction: two claims
    /// of one IMEI at once cannot both win (the IMEI's key, ADR 17).
    /// </summary>
    public static PreRegistryClaimResult Handle(
        ClaimPreRegistryDevice command, Device? registered, IDocumentSession session, TimeProvider clock, IOptions<PreRegistrySettings> settings)
    {
        var (result, registration, claimed) = Decide(command, registered, settings.Value, Guid.CreateVersion7(), clock.GetUtcNow());
        if (registration is not null)
        {
            Registrations.Insert(session, registration);
            session.Events.StartStream<Device>(registration.DeviceId, [.. registration.Events(), claimed!]);
        }

        return result;
    }

    /// <summary>
    /// A device is claimed only when its IMEI is not registered and the network saw it with the claiming SIM before
    /// the brand joined; the device the claim registers is owned by that SIM from the start.
    /// </summary>
    public static (PreRegistryClaimResult, Registration?, DeviceClaimedBeforeRegistry?) Decide(
        ClaimPreRegistryDevice command, Device? registered, PreRegistrySettings settings, Guid deviceId, DateTimeOffset now)
    {
        var (brand, model) = (TextOf(command.Brand), TextOf(command.Model));
        if (brand != ClaimText.Fine || model != ClaimText.Fine)
        {
            return (new PreRegistryClaimResult(PreRegistryClaimOutcome.TextRefused, Brand: brand, Model: model), null, null);
        }

        if (registered is not null)
        {
            return (new PreRegistryClaimResult(registered.IsOwnedBy(command.Sim, command.NationalId)
                ? PreRegistryClaimOutcome.AlreadyYours
                : PreRegistryClaimOutcome.AlreadyRegistered), null, null);
        }

        if (settings.JoiningOf(command.Brand) is not { } joinedAt)
        {
            return (new PreRegistryClaimResult(PreRegistryClaimOutcome.BrandNotListed), null, null);
        }

        if (command.FirstSeenWithSim is not { } seenAt)
        {
            return (new PreRegistryClaimResult(PreRegistryClaimOutcome.NotSeenWithThisSim, joinedAt), null, null);
        }

        if (seenAt >= joinedAt)
        {
            return (new PreRegistryClaimResult(PreRegistryClaimOutcome.SeenOnlyAfterJoining, joinedAt), null, null);
        }

        var registration = new Registration(
            deviceId, [command.Imei], command.Brand.Trim(), command.Model.Trim(), ImportType.PreRegistry, Channel, Traveller: null,
            ActivationCodeHash: null, ActivationCodeReason: null, now);
        return (new PreRegistryClaimResult(PreRegistryClaimOutcome.Registered, joinedAt), registration,
            new DeviceClaimedBeforeRegistry(deviceId, command.Sim, command.NationalId, seenAt, joinedAt, now));
    }

    private static ClaimText TextOf(string? text) => (text ?? string.Empty).Trim() switch
    {
        "" => ClaimText.Missing,
        { Length: > ClaimPreRegistryDevice.MaxTextLength } => ClaimText.TooLong,
        _ => ClaimText.Fine,
    };
}
