using Hamta.Devices.Activating;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Devices.ReportingLost;
using Hamta.Kernel.Security;

namespace Hamta.Specs.Enforcement;

/// <summary>Given a device's events, when its owner, a stranger or an agent acts on a loss, then these events and messages follow.</summary>
public sealed class LostAndStolenSpecs
{
    private const string OwnerSim = SampleMobile;
    private const string OtherSimOfOwner = OtherSimOfSample;
    private const string Owner = SampleNationalId;
    private const string Stranger = SecondUserNationalId;
    private const string CaseNumber = "500001";
    private const string Imei1 = Samsung;
    private const string Imei2 = SamsungSecondImei;

    /// <summary>Tehran is 3:30 ahead: 22:00 UTC on 24 November is already 25 November (1405/09/04) there.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly TehranToday = new(2026, 11, 25);
    private static readonly Guid DeviceId = Guid.Parse("1d2c3b4a-0000-4000-8000-000000000001");

    private static Device Given(params object[] events) =>
        events.Aggregate(
            Device.Create(new DeviceDeclared(DeviceId, [Imei1, Imei2], "Samsung", "Galaxy A54", ImportType.Commercial, "importer", null, Now.AddDays(-30))),
            (device, e) => (Device)((dynamic)device).Apply((dynamic)e));

    private static DeviceActivated Activated() => new(DeviceId, OwnerSim, Owner, Now.AddDays(-20));

    private static DeviceLossReported Reported() =>
        new(DeviceId, CaseNumber, [Imei1, Imei2], LossKind.Stolen, TehranToday, "تهران، مترو", null, OwnerSim, Owner, Now.AddHours(-1));

    private static ReportDeviceLost Report(string sim = OwnerSim, string nationalId = Owner, DateOnly? lostOn = null, string? place = "تهران، مترو", string? police = null) =>
        new(Imei1, sim, nationalId, LossKind.Stolen, lostOn ?? TehranToday, place, police);

    [Fact]
    public void The_owner_reports_from_any_sim_of_their_national_id_and_the_case_blocks_both_imeis()
    {
        var device = Given(Activated());
        var command = Report(sim: OtherSimOfOwner, police: "۱۲۳-۴۵۶");

        Assert.Null(ReportDeviceLostHandler.Refusal(command, device, Now));
        var (reported, published) = ReportDeviceLostHandler.Report(command, device, CaseNumber, Now);

        Assert.Equal(
            new DeviceLossReported(DeviceId, CaseNumber, reported.Imeis, LossKind.Stolen, TehranToday, "تهران، مترو", "123456", OtherSimOfOwner, Owner, Now), reported);
        Assert.Equal([Imei1, Imei2], reported.Imeis);
        Assert.Equal((DeviceId, CaseNumber, Now), (published.DeviceId, published.CaseNumber, published.ReportedAt));
        Assert.Equal([Imei1, Imei2], published.Imeis);
        Assert.Equal(DeviceState.LostOrStolen, device.Apply(reported).State);
    }

    [Fact]
    public void Another_national_id_cannot_report_the_device_and_learns_nothing_about_it()
    {
        Assert.Equal(new LossReportResult(LossReportOutcome.NotYourDevice), ReportDeviceLostHandler.Refusal(Report(sim: SecondUserSim, nationalId: Stranger), Given(Activated()), Now));
        Assert.Equal(new LossReportResult(LossReportOutcome.NotYourDevice), ReportDeviceLostHandler.Refusal(Report(), Given(), Now));
        Assert.Equal(new LossReportResult(LossReportOutcome.NotYourDevice), ReportDeviceLostHandler.Refusal(Report(), null, Now));
    }

    [Fact]
    public void A_device_reported_already_answers_with_its_open_case_and_opens_no_other()
    {
        Assert.Equal(new LossReportResult(LossReportOutcome.AlreadyReported, CaseNumber),
            ReportDeviceLostHandler.Refusal(Report(), Given(Activated(), Reported()), Now));
    }

    [Fact]
    public void The_day_of_the_loss_may_be_today_in_tehran_but_not_later()
    {
        var device = Given(Activated());

        Assert.Null(ReportDeviceLostHandler.Refusal(Report(lostOn: TehranToday), device, Now));
        Assert.Equal(LossReportOutcome.LostInTheFuture, ReportDeviceLostHandler.Refusal(Report(lostOn: TehranToday.AddDays(1)), device, Now)?.Outcome);
    }

    [Theory]
    [InlineData(null, null, LossReportOutcome.MissingPlace)]
    [InlineData("  \u0000 ", null, LossReportOutcome.MissingPlace)]
    [InlineData("تهران", "12a4", LossReportOutcome.InvalidPoliceReport)]
    [InlineData("تهران", "1234567890123456789012345678901", LossReportOutcome.InvalidPoliceReport)]
    public void A_report_without_a_place_or_with_an_odd_police_number_is_refused(string? place, string? police, LossReportOutcome expected)
    {
        Assert.Equal(expected, ReportDeviceLostHandler.Refusal(Report(place: place, police: police), Given(Activated()), Now)?.Outcome);
    }

    [Fact]
    public void A_place_longer_than_allowed_is_refused_and_one_at_the_limit_is_taken()
    {
        var device = Given(Activated());

        Assert.Null(ReportDeviceLostHandler.Refusal(Report(place: new string('ا', ReportDeviceLost.MaxPlaceLength)), device, Now));
        Assert.Equal(LossReportOutcome.PlaceTooLong,
            ReportDeviceLostHandler.Refusal(Report(place: new string('ا', ReportDeviceLost.MaxPlaceLength + 1)), device, Now)?.Outcome);
    }

    [Fact]
    public void A_handover_started_before_the_report_cannot_be_completed_with_its_code()
    {
        const string code = "482913";
        var lost = Given(Activated(), new TransferStarted(DeviceId, OwnerSim, ActivationCodes.Hash(DeviceId, code), Now.AddHours(-2), Guid.CreateVersion7(), Now.AddDays(2), null), Reported());

        var (activation, events) = ActivateDeviceHandler.Decide(new ActivateDevice(Imei1, SecondUserSim, Stranger, code), lost, Now, new LockoutSettings());

        Assert.Equal(ActivationOutcome.LostOrStolen, activation.Outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void The_owner_marks_it_found_which_closes_the_case_and_unblocks_its_imeis()
    {
        var (result, events, messages) = MarkDeviceFoundHandler.Decide(new MarkDeviceFound(CaseNumber, Owner, OwnerSim), Given(Activated(), Reported()), Now);

        Assert.Equal(FoundOutcome.Found, result.Outcome);
        Assert.Equal(new LostDeviceFound(DeviceId, CaseNumber, OwnerSim, Now), Assert.Single(events));
        var found = Assert.IsType<DeviceFound>(Assert.Single(messages));
        Assert.Equal((DeviceId, CaseNumber, Now), (found.DeviceId, found.CaseNumber, found.FoundAt));
        Assert.Equal([Imei1, Imei2], found.Imeis);
        Assert.Equal(DeviceState.Owned, Given(Activated(), Reported(), events[0]).State);
    }

    [Fact]
    public void An_agent_marks_it_found_without_being_the_owner()
    {
        var (result, events, _) = MarkDeviceFoundHandler.Decide(new MarkDeviceFound(CaseNumber, null, "staff agent"), Given(Activated(), Reported()), Now);

        Assert.Equal(FoundOutcome.Found, result.Outcome);
        Assert.Equal("staff agent", Assert.IsType<LostDeviceFound>(Assert.Single(events)).By);
    }

    [Fact]
    public void A_stranger_cannot_mark_it_found()
    {
        var (result, events, messages) = MarkDeviceFoundHandler.Decide(new MarkDeviceFound(CaseNumber, Stranger, SecondUserSim), Given(Activated(), Reported()), Now);

        Assert.Equal(FoundOutcome.NotYourDevice, result.Outcome);
        Assert.Empty(events);
        Assert.Empty(messages);
    }

    [Fact]
    public void Marking_a_closed_case_found_again_changes_nothing()
    {
        var found = Given(Activated(), Reported(), new LostDeviceFound(DeviceId, CaseNumber, OwnerSim, Now));

        var (result, events, messages) = MarkDeviceFoundHandler.Decide(new MarkDeviceFound(CaseNumber, Owner, OwnerSim), found, Now.AddMinutes(1));

        Assert.Equal(FoundOutcome.AlreadyFound, result.Outcome);
        Assert.Empty(events);
        Assert.Empty(messages);
    }
}
