using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;
using Marten;
using Wolverine;

namespace Hamta.Devices.ReportingLost;

/// <summary>
/// «گزارش مفقودی یا سرقت»: any SIM of the owning national ID may report the device (the owning SIM is often in the
/// lost phone). The report opens a case and tells the other modules at once, so that the device is blocked.
/// </summary>
public static class ReportDeviceLostHandler
{
    public static Task<DeviceChange?> LoadAsync(ReportDeviceLost command, IDocumentSession session, CancellationToken cancellation) =>
        DeviceStreams.ForImeiAsync(session, command.Imei, cancellation);

    public static async Task<(LossReportResult, OutgoingMessages)> Handle(
        ReportDeviceLost command, DeviceChange? stream, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        if (Refusal(command, stream?.Device, now) is { } refused)
        {
            return (refused, []);
        }

        var (reported, published) = Report(command, stream!.Device, await LostCaseNumbers.NextAsync(session, cancellation), now);
        stream.Append(reported);
        return (new LossReportResult(LossReportOutcome.Reported, reported.CaseNumber),
            [published, new SendSms(command.ReporterSim, DevicesTexts.LossReportedSms($"{stream.Device.Brand} {stream.Device.Model}", reported.CaseNumber), SmsKind.Notice)]);
    }

    /// <summary>Why the report cannot be taken, or null when it can; a device already reported answers with its open case.</summary>
    public static LossReportResult? Refusal(ReportDeviceLost command, Device? device, DateTimeOffset now)
    {
        if (device is null || device.OwnerNationalId != command.ReporterNationalId)
        {
            return new LossReportResult(LossReportOutcome.NotYourDevice);
        }

        if (device.LostCase is { } open)
        {
            return new LossReportResult(LossReportOutcome.AlreadyReported, open);
        }

        var place = PlaceOf(command.Place);
        var outcome = command.LostOn > DateOnly.FromDateTime(JalaliDate.ToTehran(now)) ? LossReportOutcome.LostInTheFuture
            : place.Length == 0 ? LossReportOutcome.MissingPlace
            : place.Length > ReportDeviceLost.MaxPlaceLength ? LossReportOutcome.PlaceTooLong
            : PoliceReportOf(command.PoliceReportNumber) is { } police && (police.Length > ReportDeviceLost.MaxPoliceReportLength || !DigitNormalizer.IsAsciiDigits(police))
                ? LossReportOutcome.InvalidPoliceReport
            : (LossReportOutcome?)null;
        return outcome is { } refusal ? new LossReportResult(refusal) : null;
    }

    /// <summary>The event that opens the case and the message that blocks the device's IMEIs.</summary>
    public static (DeviceLossReported, DeviceReportedLost) Report(ReportDeviceLost command, Device device, string caseNumber, DateTimeOffset now) =>
        (new DeviceLossReported(device.Id, caseNumber, device.Imeis, command.Kind, command.LostOn, PlaceOf(command.Place), PoliceReportOf(command.PoliceReportNumber),
                command.ReporterSim, command.ReporterNationalId, now),
            new DeviceReportedLost(device.Id, caseNumber, device.Imeis, now));

    private static string PlaceOf(string? place) =>
        new string((place ?? string.Empty).Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();

    private static string? PoliceReportOf(string? number) => DigitNormalizer.Normalize(number) is { Length: > 0 } normalized ? normalized : null;
}
