using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Marten;
using Wolverine;

namespace Hamta.Devices.Declaring;

public static class DeclareDeviceHandler
{
    public static Task<IReadOnlyList<string>> LoadAsync(DeclareDevice command, IQuerySession session, CancellationToken cancellation) =>
        Registrations.TakenAsync(session, command.Imeis, cancellation);

    public static (DeclarationResult, OutgoingMessages) Handle(DeclareDevice command, IReadOnlyList<string> takenImeis, IDocumentSession session, TimeProvider clock)
    {
        var (result, registration, sms) = Decide(command, takenImeis, Guid.CreateVersion7(), clock.GetUtcNow());
        if (registration is not null)
        {
            Registrations.Insert(session, registration);
        }

        return (result, sms is null ? [] : [sms]);
    }

    public static (DeclarationResult, Registration?, SendSms?) Decide(DeclareDevice command, IReadOnlyList<string> takenImeis, Guid deviceId, DateTimeOffset now)
    {
        if (DeclarationRules.Refusal(command) is { } refusal)
        {
            return (refusal, null, null);
        }

        if (takenImeis.Count > 0)
        {
            return (new DeclarationResult(DeclarationOutcome.ImeiAlreadyRegistered, Imei: takenImeis[0]), null, null);
        }

        var (registration, sms) = DeclarationRules.Registration(deviceId, command, now);
        return (new DeclarationResult(DeclarationOutcome.Declared, deviceId), registration, sms);
    }
}
