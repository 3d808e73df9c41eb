using Hamta.Devices.Blocking;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;

namespace Hamta.Specs.Enforcement;

/// <summary>Given a registered device, when staff block or unblock it by hand, then Devices records it and tells enforcement.</summary>
public sealed class HandBlockSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static readonly Device XiaomiDevice = new(Guid.Parse("2d2c3b4a-0000-4000-8000-000000000002"), [Xiaomi, XiaomiSecondImei],
        "Xiaomi", "Redmi Note 13", ImportType.Commercial, "واردکننده", null, Now.AddYears(-1));

    [Fact]
    public void A_block_by_hand_puts_every_imei_of_the_device_before_enforcement_with_the_reason()
    {
        var (result, events, messages) = DeviceBlockHandler.Decide(new BlockDevice(XiaomiDevice.Imeis[0], "حکم قضایی", "admin"), XiaomiDevice, Now);

        Assert.Equal(DeviceChangeOutcome.Done, result.Outcome);
        Assert.IsType<DeviceBlocked>(Assert.Single(events));
        var told = Assert.IsType<DeviceBlockedByHand>(Assert.Single(messages));
        Assert.Equal((XiaomiDevice.Imeis, "حکم قضایی", "admin", Now), (told.Imeis, told.Reason, told.By, told.BlockedAt));
    }

    [Fact]
    public void A_device_already_blocked_is_not_blocked_again()
    {
        var (result, events, messages) = DeviceBlockHandler.Decide(new BlockDevice(XiaomiDevice.Imeis[0], "دوباره", "admin"), XiaomiDevice with { Blocked = true }, Now);

        Assert.Equal(DeviceChangeOutcome.NothingToChange, result.Outcome);
        Assert.Empty(events);
        Assert.Empty(messages);
    }

    [Fact]
    public void An_unregistered_imei_cannot_be_blocked_by_hand()
    {
        var (result, _, messages) = DeviceBlockHandler.Decide(new BlockDevice(UnregisteredOtherTac, "سرقت", "admin"), null, Now);

        Assert.Equal(DeviceChangeOutcome.UnknownImei, result.Outcome);
        Assert.Empty(messages);
    }

    [Fact]
    public void Unblocking_by_hand_keeps_the_reason_and_tells_enforcement()
    {
        var (result, events, messages) = DeviceUnblockHandler.Decide(new UnblockDevice(XiaomiDevice.Imeis[1], "حکم لغو شد", "admin"), XiaomiDevice with { Blocked = true }, Now);

        Assert.Equal(DeviceChangeOutcome.Done, result.Outcome);
        Assert.Equal("حکم لغو شد", Assert.IsType<DeviceUnblocked>(Assert.Single(events)).Reason);
        Assert.Equal(XiaomiDevice.Imeis, Assert.IsType<DeviceUnblockedByHand>(Assert.Single(messages)).Imeis);
        Assert.Equal(DeviceChangeOutcome.NothingToChange, DeviceUnblockHandler.Decide(new UnblockDevice(XiaomiDevice.Imeis[1], "x", "admin"), XiaomiDevice, Now).Item1.Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_block_or_its_lifting_without_a_reason_changes_nothing(string reason)
    {
        Assert.Equal(new DeviceChangeResult(DeviceChangeOutcome.ReasonRequired), DeviceBlockHandler.Decide(new BlockDevice(Xiaomi, reason, "admin"), XiaomiDevice, Now).Item1);
        var (result, events, messages) = DeviceUnblockHandler.Decide(new UnblockDevice(Xiaomi, reason, "admin"), XiaomiDevice with { Blocked = true }, Now);

        Assert.Equal(DeviceChangeOutcome.ReasonRequired, result.Outcome);
        Assert.Empty(events);
        Assert.Empty(messages);
    }

    [Fact]
    public void A_reason_longer_than_the_limit_is_refused_and_one_at_the_limit_is_kept_trimmed()
    {
        var tooLong = new string('د', BlockDevice.MaxReasonLength + 1);
        Assert.Equal(DeviceChangeOutcome.ReasonTooLong, DeviceBlockHandler.Decide(new BlockDevice(Xiaomi, tooLong, "admin"), XiaomiDevice, Now).Item1.Outcome);

        var atLimit = new string('د', BlockDevice.MaxReasonLength);
        var (_, events, messages) = DeviceBlockHandler.Decide(new BlockDevice(Xiaomi, $" {atLimit} ", "admin"), XiaomiDevice, Now);
        Assert.Equal(atLimit, Assert.IsType<DeviceBlocked>(Assert.Single(events)).Reason);
        Assert.Equal(atLimit, Assert.IsType<DeviceBlockedByHand>(Assert.Single(messages)).Reason);
    }
}
