using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Security;

namespace Hamta.Devices.Declaring;

/// <summary>The checks one declaration must pass, shared by a single declaration and the bulk import.</summary>
public static class DeclarationRules
{
    public const int MaxImeis = 4;

    /// <summary>A traveller brings one device a year into the registry (customs' rule): counted from the last traveller declaration.</summary>
    public static readonly TimeSpan TravellerAllowancePeriod = TimeSpan.FromDays(365);

    public static DeclarationResult? Refusal(DeclareDevice declaration)
    {
        if (MissingField(declaration) is { } field)
        {
            return new DeclarationResult(DeclarationOutcome.MissingField, Field: field);
        }

        if (declaration.Imeis.Count > MaxImeis)
        {
            return new DeclarationResult(DeclarationOutcome.TooManyImeis, Field: "imei2");
        }

        if (declaration.ImportType != ImportType.Traveller && declaration.Traveller is not null)
        {
            return new DeclarationResult(DeclarationOutcome.TravellerDetailsOnCommercialImport, Field: "import_type");
        }

        if (declaration.Imeis.FirstOrDefault(imei => !Imei.IsValid(imei)) is { } invalid)
        {
            return new DeclarationResult(DeclarationOutcome.InvalidImei, Imei: invalid, Field: $"imei{declaration.Imeis.ToList().IndexOf(invalid) + 1}");
        }

        if (declaration.Imeis.Distinct().Count() != declaration.Imeis.Count)
        {
            return new DeclarationResult(DeclarationOutcome.DuplicateImei, Field: "imei2");
        }

        return declaration.ActivationCode is { } code && !ActivationCodes.IsWellFormed(code)
            ? new DeclarationResult(DeclarationOutcome.InvalidActivationCode, Field: "activation_code")
            : null;
    }

    /// <summary>Whether a traveller whose last traveller declaration was made then may declare another device now.</summary>
    public static bool TravellerMayDeclare(DateTimeOffset? lastDeclaredAt, DateTimeOffset now) =>
        lastDeclaredAt is not { } last || now - last >= TravellerAllowancePeriod;

    /// <summary>The first required part of a declaration that is missing, by its column in a declarations file.</summary>
    private static string? MissingField(DeclareDevice declaration) =>
        declaration.Imeis.Count == 0 ? "imei1"
        : string.IsNullOrWhiteSpace(declaration.Brand) ? "brand"
        : string.IsNullOrWhiteSpace(declaration.Model) ? "model"
        : string.IsNullOrWhiteSpace(declaration.Importer) ? "importer"
        : declaration.ImportType == ImportType.Traveller && declaration.Traveller is null ? "traveller_national_id"
        : null;

    /// <summary>
    /// The registration a valid declaration makes, and the SMS it causes: a traveller whose fee is paid
    /// gets an activation code at once, on the SIM named at customs.
    /// </summary>
    public static (Registration Registration, SendSms? Sms) Registration(Guid deviceId, DeclareDevice declaration, DateTimeOffset now, Guid? file = null)
    {
        if (declaration.ActivationCode is { } code)
        {
            return (Registry.Registration.Of(deviceId, declaration, ActivationCodes.Hash(deviceId, code), ActivationCodeReason.Box, now, file), null);
        }

        if (declaration.Traveller is not { FeePaid: true } traveller)
        {
            return (Registry.Registration.Of(deviceId, declaration, null, null, now, file), null);
        }

        var (issued, sms) = CustomsCode(deviceId, declaration.Imeis[0], traveller.Sim, now);
        return (Registry.Registration.Of(deviceId, declaration, issued.CodeHash, ActivationCodeReason.Customs, now, file), sms);
    }

    /// <summary>A paid traveller's activation code: kept as a hash, sent by SMS to the SIM named at customs.</summary>
    public static (ActivationCodeIssued Issued, SendSms Sms) CustomsCode(Guid deviceId, string imei, string sim, DateTimeOffset now)
    {
        var code = OneTimeCode.New();
        return (new ActivationCodeIssued(deviceId, ActivationCodes.Hash(deviceId, code), ActivationCodeReason.Customs, now),
            new SendSms(sim, DevicesTexts.CustomsCodeSms(imei, code), SmsKind.Secret));
    }
}
