using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Marten;
using Wolverine;

namespace Hamta.Devices.Declaring;

/// <summary>What a declaration is checked against: the IMEIs already held, and the traveller's last traveller declaration.</summary>
public sealed record DeclarationContext(IReadOnlyList<string> TakenImeis, DateTimeOffset? TravellerLastDeclaredAt);

public static class DeclareDeviceHandler
{
    public static async Task<DeclarationContext> LoadAsync(DeclareDevice command, IQuerySession session, CancellationToken cancellation) =>
        new(await Registrations.TakenAsync(session, command.Imeis, cancellation),
            command.Traveller is { } traveller ? await Registrations.LastTravellerDeclarationAsync(session, traveller.NationalId, cancellation) : null);

    public static (DeclarationResult, OutgoingMessages) Handle(DeclareDevice command, DeclarationContext context, IDocumentSession session, TimeProvider clock)
    {
        var (result, registration, sms) = Decide(command, context.TakenImeis, Guid.CreateVersion7(), clock.GetUtcNow(), context.TravellerLastDeclaredAt);
        if (registration is not null)
        {
            Registrations.Insert(session, registration);
        }

        return (result, sms is null ? [] : [sms]);
    }

    public static (DeclarationResult, Registration?, SendSms?) Decide(
        DeclareDevice command, IReadOnlyList<string> takenImeis, Guid deviceId, DateTimeOffset now, DateTimeOffset? travellerLastDeclaredAt = null)
    {
        if (DeclarationRules.Refusal(command) is { } refusal)
        {
            return (refusal, null, null);
        }

        if (!DeclarationRules.TravellerMayDeclare(travellerLastDeclaredAt, now))
        {
            return (new DeclarationResult(DeclarationOutcome.TravellerDeclaredThisYear, Field: "traveller_national_id"), null, null);
        }

        if (takenImeis.Count > 0)
        {
            return (new DeclarationResult(DeclarationOutcome.ImeiAlreadyRegistered, Imei: takenImeis[0]), null, null);
        }

        var (registration, sms) = DeclarationRules.Registration(deviceId, command, now);
        return (new DeclarationResult(DeclarationOutcome.Declared, deviceId), registration, sms);
    }
}
