using Hamta.Devices.Contracts;
using Hamta.Devices.Correcting;

namespace Hamta.Specs.Devices;

/// <summary>Given the device a registered pair names, when a subscriber claims the correct pair, then the registry says whether the ticket may be filed.</summary>
public sealed class ImeiCorrectionClaimSpecs
{
    private static readonly DeviceSummary Galaxy =
        new(Guid.Parse("1d2c3b4a-0000-4000-8000-000000000001"), [Samsung, SamsungSecondImei], "Samsung", "Galaxy A54", DeviceState.Owned, SampleMobile, null);

    private static ImeiCorrectionClaimCheck When(DeviceSummary? device, string[] correct, bool correctSecondTaken = false) =>
        CheckImeiCorrectionClaimHandler.Decide(new CheckImeiCorrectionClaim(SampleNationalId, [Samsung, SamsungSecondImei], correct), device, correctSecondTaken);

    [Fact]
    public void A_free_second_imei_may_replace_the_registered_one_and_the_device_is_named()
    {
        var check = When(Galaxy, [Samsung, SamsungRealSecondImei]);

        Assert.Equal(new ImeiCorrectionClaimCheck(ImeiCorrectionClaimOutcome.Acceptable, Galaxy), check);
    }

    [Fact]
    public void A_pair_that_is_not_one_of_the_national_ids_devices_is_refused() =>
        Assert.Equal(new ImeiCorrectionClaimCheck(ImeiCorrectionClaimOutcome.NotYourDevice), When(null, [Samsung, SamsungRealSecondImei]));

    [Fact]
    public void The_same_pair_has_nothing_to_correct() =>
        Assert.Equal(ImeiCorrectionClaimOutcome.NoDifference, When(Galaxy, [Samsung, SamsungSecondImei]).Outcome);

    [Fact]
    public void Only_the_second_imei_can_be_corrected() =>
        Assert.Equal(ImeiCorrectionClaimOutcome.FirstMustMatch, When(Galaxy, [Unregistered, SamsungRealSecondImei]).Outcome);

    [Fact]
    public void A_second_imei_another_device_holds_is_refused() =>
        Assert.Equal(ImeiCorrectionClaimOutcome.CorrectImeiTaken, When(Galaxy, [Samsung, XiaomiSecondImei], correctSecondTaken: true).Outcome);

    [Fact]
    public void A_claim_that_is_not_a_pair_names_no_device() =>
        Assert.Equal(ImeiCorrectionClaimOutcome.NotYourDevice, When(Galaxy, [Samsung]).Outcome);
}
