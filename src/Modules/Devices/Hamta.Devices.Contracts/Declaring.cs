namespace Hamta.Devices.Contracts;

public enum ImportType
{
    Commercial,
    Traveller,

    /// <summary>Not declared by an importer or customs: claimed by the subscriber who used it before its brand joined («افزودن دستگاه»).</summary>
    PreRegistry,
}

/// <summary>An importer's or customs' declaration puts a device's IMEIs into the registry.</summary>
public sealed record DeclareDevice(
    IReadOnlyList<string> Imeis,
    string Brand,
    string Model,
    ImportType ImportType,
    string Importer,
    string? ActivationCode = null,
    TravellerDeclaration? Traveller = null);

/// <summary>What customs recorded for a traveller's device: who brought it, the SIM for the code, whether the fee is paid.</summary>
public sealed record TravellerDeclaration(string NationalId, string Sim, bool FeePaid, DateTimeOffset RegisteredAt);

public enum DeclarationOutcome
{
    Declared,
    InvalidImei,
    DuplicateImei,
    ImeiAlreadyRegistered,
    InvalidActivationCode,
    MissingField,
    TooManyImeis,
    TravellerDetailsOnCommercialImport,
    TravellerDeclaredThisYear,
}

/// <summary>
/// What became of a declaration. <paramref name="Field"/> names the declaration file's column at fault
/// (<c>brand</c>, <c>traveller_national_id</c>…) when one is.
/// </summary>
public sealed record DeclarationResult(DeclarationOutcome Outcome, Guid? DeviceId = null, string? Imei = null, string? Field = null);

/// <summary>Customs reports that a traveller paid the fee: the activation code goes by SMS to the SIM named at customs.</summary>
public sealed record RecordTravellerFeePayment(string Imei);
