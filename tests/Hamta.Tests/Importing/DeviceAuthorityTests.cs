using System.Text.RegularExpressions;
using Hamta.Devices.Contracts;
using Hamta.Kernel.Notifications;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Importing;

/// <summary>What authorities do to a device: block and unblock it, record a traveller's fee.</summary>
public sealed partial class DeviceAuthorityTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_blocked_device_shows_blocked_and_cannot_change_hands_until_unblocked()
    {
        Assert.Equal(DeviceChangeOutcome.Done, (await AskAndWait<DeviceChangeResult>(new BlockDevice(BoxedNokia, "گزارش سرقت", "police"))).Outcome);

        Assert.True((await Ask<ImeiInquiry>(new InquireImei(BoxedNokia))).Blocked);
        var refused = await AskAndWait<ActivationResult>(new ActivateDevice(BoxedNokia, SampleMobile, SampleNationalId, "482913"));
        Assert.Equal(ActivationOutcome.Blocked, refused.Outcome);
        Assert.Equal(DeviceChangeOutcome.NothingToChange, (await Ask<DeviceChangeResult>(new BlockDevice(BoxedNokia, "again", "police"))).Outcome);

        await AskAndWait<DeviceChangeResult>(new UnblockDevice(BoxedNokia, "پرونده بسته شد", "police"));
        var activated = await AskAndWait<ActivationResult>(new ActivateDevice(BoxedNokia, SampleMobile, SampleNationalId, "482913"));
        Assert.Equal(ActivationOutcome.Activated, activated.Outcome);
    }

    [Fact]
    public async Task Blocking_an_unknown_imei_changes_nothing() =>
        Assert.Equal(DeviceChangeOutcome.UnknownImei, (await Ask<DeviceChangeResult>(new BlockDevice(UnregisteredOtherTac, "x", "police"))).Outcome);

    [Fact]
    public async Task A_travellers_fee_payment_sends_the_activation_code_once()
    {
        await Ask<DeclarationResult>(new DeclareDevice([UnregisteredOtherTac], "Apple", "iPhone 15", ImportType.Traveller, "گمرک",
            Traveller: new TravellerDeclaration(SampleNationalId, OtherSimOfSample, FeePaid: false, Clock.GetUtcNow())));
        Assert.Equal(ActivationOutcome.CustomsFeeNotPaid,
            (await AskAndWait<ActivationResult>(new ActivateDevice(UnregisteredOtherTac, OtherSimOfSample, SampleNationalId, "123456"))).Outcome);

        await Send(new RecordTravellerFeePayment(UnregisteredOtherTac));
        await Send(new RecordTravellerFeePayment(UnregisteredOtherTac));

        var sms = Assert.Single(await SmsTo(OtherSimOfSample, SmsKind.Secret));
        var code = SixDigits().Match(sms.Text).Value;
        Assert.Equal(ActivationOutcome.Activated,
            (await AskAndWait<ActivationResult>(new ActivateDevice(UnregisteredOtherTac, OtherSimOfSample, SampleNationalId, code))).Outcome);
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
