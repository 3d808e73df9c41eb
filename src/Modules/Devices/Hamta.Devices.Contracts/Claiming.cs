namespace Hamta.Devices.Contracts;

/// <summary>
/// «افزودن دستگاه»: a subscriber claims a device that was in use before its brand joined the registry. The portal
/// asks the Sim module when the network first saw the IMEI with the claiming SIM (<see cref="FirstSeenWithSim"/>);
/// the Devices module decides against the brand's joining date (ADR 22). Claiming again changes nothing.
/// </summary>
public sealed record ClaimPreRegistryDevice(string Imei, string Brand, string Model, string Sim, string NationalId, DateTimeOffset? FirstSeenWithSim)
{
    /// <summary>The longest brand or model, in characters.</summary>
    public const int MaxTextLength = 60;
}

public enum PreRegistryClaimOutcome
{
    Registered,
    AlreadyYours,
    AlreadyRegistered,
    BrandNotListed,
    NotSeenWithThisSim,
    SeenOnlyAfterJoining,

    /// <summary>The brand or the model is missing or too long (<see cref="PreRegistryClaimResult.Brand"/>, <see cref="PreRegistryClaimResult.Model"/>).</summary>
    TextRefused,
}

public enum ClaimText
{
    Fine,
    Missing,
    TooLong,
}

/// <summary>The outcome, with the brand's joining date the sightings were held against when there is one, and what is wrong with each text.</summary>
public sealed record PreRegistryClaimResult(PreRegistryClaimOutcome Outcome, DateTimeOffset? JoinedAt = null, ClaimText Brand = ClaimText.Fine, ClaimText Model = ClaimText.Fine);

/// <summary>
/// When each brand joined the registry (<c>Hamta:Devices:PreRegistry:BrandJoinDates:&lt;Brand&gt;</c>), and the
/// registry's own start for brands not listed (<c>…:RegistryStart</c>); with neither, no device can be claimed.
/// </summary>
public sealed class PreRegistrySettings
{
    public const string Section = "Hamta:Devices:PreRegistry";

    public DateTimeOffset? RegistryStart { get; set; }

    public Dictionary<string, DateTimeOffset> BrandJoinDates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The date a device of the brand must have been seen before; null when the brand cannot be claimed.</summary>
    public DateTimeOffset? JoiningOf(string brand) =>
        BrandJoinDates.FirstOrDefault(pair => string.Equals(pair.Key, brand.Trim(), StringComparison.OrdinalIgnoreCase)) is { Key: not null } listed
            ? listed.Value
            : RegistryStart;
}
