using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Wolverine;

namespace Hamta.Devices.Declaring;

public static class DeclareDeviceHandler
{
    public static async Task<IReadOnlyList<ImeiClaim>> LoadAsync(DeclareDevice command, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadManyAsync<ImeiClaim>(cancellation, command.Imeis);

    public static (DeclarationResult, OutgoingMessages) Handle(
        DeclareDevice command, IReadOnlyList<ImeiClaim> existingClaims, IDocumentSession session, TimeProvider clock)
    {
        if (DeclarationRules.Refusal(command) is { } refusal)
        {
            return (refusal, []);
        }

        if (existingClaims.Count > 0)
        {
            return (new DeclarationResult(DeclarationOutcome.ImeiAlreadyRegistered, Imei: existingClaims[0].Id), []);
        }

        var deviceId = Guid.CreateVersion7();
        var (events, sms) = DeclarationRules.Events(deviceId, command, clock.GetUtcNow());
        session.Events.StartStream<Device>(deviceId, events);
        session.Insert(command.Imeis.Select(imei => new ImeiClaim(imei, deviceId)).ToArray());
        return (new DeclarationResult(DeclarationOutcome.Declared, deviceId), sms is null ? [] : [sms]);
    }
}
