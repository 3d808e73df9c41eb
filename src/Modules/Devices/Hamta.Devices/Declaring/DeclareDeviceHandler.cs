using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;

namespace Hamta.Devices.Declaring;

public static class DeclareDeviceHandler
{
    public static async Task<IReadOnlyList<ImeiClaim>> LoadAsync(DeclareDevice command, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadManyAsync<ImeiClaim>(cancellation, command.Imeis);

    public static DeclarationResult Handle(DeclareDevice command, IReadOnlyList<ImeiClaim> existingClaims, IDocumentSession session, TimeProvider clock)
    {
        if (DeclarationRules.Refusal(command) is { } refusal)
        {
            return refusal;
        }

        if (existingClaims.Count > 0)
        {
            return new DeclarationResult(DeclarationOutcome.ImeiAlreadyRegistered, Imei: existingClaims[0].Id);
        }

        var deviceId = Guid.CreateVersion7();
        session.Events.StartStream<Device>(deviceId, DeclarationRules.Events(deviceId, command, clock.GetUtcNow()));
        session.Insert(command.Imeis.Select(imei => new ImeiClaim(imei, deviceId)).ToArray());
        return new DeclarationResult(DeclarationOutcome.Declared, deviceId);
    }
}
