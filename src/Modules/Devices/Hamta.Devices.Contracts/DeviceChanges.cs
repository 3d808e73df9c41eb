namespace Hamta.Devices.Contracts;

public enum DeviceChangeOutcome
{
    Done,
    UnknownImei,
    NothingToChange,
    ReasonRequired,
    ReasonTooLong,
}

public sealed record DeviceChangeResult(DeviceChangeOutcome Outcome);

/// <summary>
/// A device's IMEIs or its owner changed (activation, transfer, a ticket's correction, a repair): published with the
/// change, so that enforcement lifts at once what no longer holds for these IMEIs.
/// </summary>
public sealed record DeviceRegistrationChanged(Guid DeviceId, IReadOnlyList<string> Imeis, string Cause, DateTimeOffset At);
