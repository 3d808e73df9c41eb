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

    public static DeclarationResult? Refusal(DeclareDevice declaration)
    {
        if (declaration.Imeis.Count is 0 or > MaxImeis || string.IsNullOrWhiteSpace(declaration.Brand)
            || string.IsNullOrWhiteSpace(declaration.Model) || string.IsNullOrWhiteSpace(declaration.Importer)
            || (declaration.ImportType == ImportType.Traveller) != (declaration.Traveller is not null))
        {
            return new DeclarationResult(DeclarationOutcome.MissingDetails);
        }

        if (declaration.Imeis.FirstOrDefault(imei => !Imei.IsValid(imei)) is { } invalid)
        {
            return new DeclarationResult(DeclarationOutcome.InvalidImei, Imei: invalid);
        }

        if (declaration.Imeis.Distinct().Count() != declaration.Imeis.Count)
        {
            return new DeclarationResult(DeclarationOutcome.DuplicateImei);
        }

        return declaration.ActivationCode is { } code && !ActivationCodes.IsWellFormed(code)
            ? new DeclarationResult(DeclarationOutcome.InvalidActivationCode)
            : null;
    }

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
