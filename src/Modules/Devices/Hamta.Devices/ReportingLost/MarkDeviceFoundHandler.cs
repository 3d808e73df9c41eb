using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Marten;
using Wolverine;

namespace Hamta.Devices.ReportingLost;

/// <summary>The device of a case was found: its owner or an agent closes the case, and the other modules unblock it.</summary>
public static class MarkDeviceFoundHandler
{
    public static async Task<DeviceChange?> LoadAsync(MarkDeviceFound command, IDocumentSession session, CancellationToken cancellation) =>
        await session.LoadAsync<LostCase>(command.CaseNumber, cancellation) is { } lostCase
            ? await DeviceStreams.ForDeviceAsync(session, lostCase.DeviceId, cancellation)
            : null;

    public static (FoundResult, OutgoingMessages) Handle(MarkDeviceFound command, DeviceChange? stream, TimeProvider clock)
    {
        var (result, events, messages) = Decide(command, stream?.Device, clock.GetUtcNow());
        stream?.Append(events);
        return (result, messages);
    }

    public static (FoundResult, IReadOnlyList<object>, OutgoingMessages) Decide(MarkDeviceFound command, Device? device, DateTimeOffset now)
    {
        if (device is null)
        {
            return (new FoundResult(FoundOutcome.UnknownCase), [], []);
        }

        if (command.OwnerNationalId is { } nationalId && device.OwnerNationalId != nationalId)
        {
            return (new FoundResult(FoundOutcome.NotYourDevice), [], []);
        }

        if (device.LostCase != command.CaseNumber)
        {
            return (new FoundResult(FoundOutcome.AlreadyFound), [], []);
        }

        return (new FoundResult(FoundOutcome.Found), [new LostDeviceFound(device.Id, command.CaseNumber, command.By, now)],
            [new DeviceFound(device.Id, command.CaseNumber, device.Imeis, now)]);
    }
}
