using Hamta.Devices.Contracts;
using Hamta.Devices.Queries;
using Hamta.Devices.Registry;
using Marten;

namespace Hamta.Devices.Correcting;

public static class CheckImeiCorrectionClaimHandler
{
    public static async Task<ImeiCorrectionClaimCheck> Handle(CheckImeiCorrectionClaim query, IQuerySession session, CancellationToken cancellation)
    {
        var owned = await DeviceQueryHandler.Handle(new FindDevicesOwnedBy(query.NationalId), session, cancellation);
        var device = owned.FirstOrDefault(d => d.Imeis.SequenceEqual(query.RegisteredImeis));
        var correctSecondHolder = query.CorrectImeis is [_, var second] ? await Registrations.HolderAsync(session, second, cancellation) : null;
        return Decide(query, device, correctSecondHolder is not null);
    }

    /// <summary>The pair must be the national ID's device, differ from it, and differ only in the second IMEI, which no device holds.</summary>
    public static ImeiCorrectionClaimCheck Decide(CheckImeiCorrectionClaim query, DeviceSummary? device, bool correctSecondTaken) =>
        (device, query.RegisteredImeis, query.CorrectImeis) switch
        {
            (null, _, _) or (_, not [_, _], _) or (_, _, not [_, _]) => new(ImeiCorrectionClaimOutcome.NotYourDevice),
            (_, var registered, var correct) when registered.SequenceEqual(correct) => new(ImeiCorrectionClaimOutcome.NoDifference, device),
            (_, [var registeredFirst, _], [var correctFirst, _]) when registeredFirst != correctFirst => new(ImeiCorrectionClaimOutcome.FirstMustMatch, device),
            _ when correctSecondTaken => new(ImeiCorrectionClaimOutcome.CorrectImeiTaken, device),
            _ => new(ImeiCorrectionClaimOutcome.Acceptable, device),
        };
}
