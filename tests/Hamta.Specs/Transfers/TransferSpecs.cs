using Hamta.Devices.Activating;
using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Devices.Transferring;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Security;

namespace Hamta.Specs.Transfers;

/// <summary>
/// Given a device's events, when its owner starts or cancels a transfer or someone activates with its code, then these
/// events and SMS follow: the Devices module's transfer decisions, without a host or a database.
/// </summary>
public sealed class TransferSpecs
{
    private const string Imei = Nokia;
    private const string Seller = SampleMobile;
    private const string SellerNationalId = SampleNationalId;
    private const string Buyer = SecondUserSim;
    private const string BuyerNationalId = SecondUserNationalId;
    private const string Code = "482913";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid DeviceId = Guid.Parse("0b5e7a52-1c3d-4f6e-8a9b-0c1d2e3f4a5b");
    private static readonly Guid TransferId = Guid.Parse("7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6");
    private static readonly LockoutSettings Lockouts = new();

    private static Device Given(params object[] events) =>
        events.Aggregate(
            Device.Create(new DeviceDeclared(DeviceId, [Imei], "Nokia", "105", ImportType.Commercial, "importer", null, Now.AddDays(-30)))
                .Apply(new DeviceActivated(DeviceId, Seller, SellerNationalId, Now.AddDays(-20))),
            (device, e) => (Device)((dynamic)device).Apply((dynamic)e));

    private static TransferStarted Started(string? buyer = null, Guid? id = null, string code = Code) =>
        new(DeviceId, Seller, ActivationCodes.Hash(DeviceId, code), Now, id ?? TransferId, Now + StartTransferHandler.CodeLifetime, buyer);

    [Fact]
    public void Starting_issues_a_code_for_three_days_and_tells_the_seller_and_the_named_buyer()
    {
        var (result, events, sms) = StartTransferHandler.Decide(new StartTransfer(Imei, Seller, SellerNationalId, Buyer), Given(), TransferId, Code, Now);

        Assert.Equal(new TransferStartResult(TransferOutcome.Started, Code, Now.AddDays(3)), result);
        Assert.Equal([Started(Buyer)], events);
        Assert.Equal([Seller, Buyer], sms.Select(x => x.Mobile));
        Assert.All(sms, x => Assert.Equal(SmsKind.Notice, x.Kind));
        Assert.DoesNotContain(sms, x => x.Text.Contains(Code, StringComparison.Ordinal));
    }

    [Fact]
    public void A_new_code_replaces_the_pending_one_and_its_buyer_is_told()
    {
        var next = Guid.Parse("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");

        var (_, events, sms) = StartTransferHandler.Decide(new StartTransfer(Imei, Seller, SellerNationalId), Given(Started(Buyer)), next, "735142", Now.AddHours(1));

        Assert.Equal(new TransferCancelled(DeviceId, TransferId, Seller, TransferEnd.Replaced, Now.AddHours(1)), events[0]);
        Assert.Equal(next, Assert.IsType<TransferStarted>(events[1]).TransferId);
        Assert.Equal([Buyer, Seller], sms.Select(x => x.Mobile));
    }

    [Fact]
    public void Only_the_owner_sim_starts_a_transfer()
    {
        var (result, events, sms) = StartTransferHandler.Decide(new StartTransfer(Imei, OtherSimOfSample, SellerNationalId), Given(), TransferId, Code, Now);

        Assert.Equal(TransferOutcome.NotYourDevice, result.Outcome);
        Assert.Empty(events);
        Assert.Empty(sms);
    }

    [Fact]
    public void Cancelling_voids_the_code_and_tells_both_sides()
    {
        var (result, events, sms) = CancelTransferHandler.Decide(new CancelTransfer(DeviceId, TransferId, Seller, SellerNationalId), Given(Started(Buyer)), Now.AddHours(2));

        Assert.Equal(TransferCancelOutcome.Cancelled, result.Outcome);
        Assert.Equal([new TransferCancelled(DeviceId, TransferId, Seller, TransferEnd.Cancelled, Now.AddHours(2))], events);
        Assert.Equal([Seller, Buyer], sms.Select(x => x.Mobile));
        var after = Given(Started(Buyer), events[0]);
        Assert.Null(after.Transfer);
        Assert.Null(after.ActivationCodeHashAt(Now.AddHours(2)));
    }

    [Fact]
    public void Cancelling_again_answers_cancelled_and_changes_nothing()
    {
        var cancelled = Given(Started(), new TransferCancelled(DeviceId, TransferId, Seller, TransferEnd.Cancelled, Now));

        var (result, events, sms) = CancelTransferHandler.Decide(new CancelTransfer(DeviceId, TransferId, Seller, SellerNationalId), cancelled, Now.AddMinutes(1));

        Assert.Equal(TransferCancelOutcome.Cancelled, result.Outcome);
        Assert.Empty(events);
        Assert.Empty(sms);
    }

    [Theory]
    [InlineData(OtherSimOfSample, SellerNationalId)]
    [InlineData(Buyer, BuyerNationalId)]
    public void Nobody_but_the_owner_sim_cancels(string sim, string nationalId)
    {
        var (result, events, _) = CancelTransferHandler.Decide(new CancelTransfer(DeviceId, TransferId, sim, nationalId), Given(Started()), Now);

        Assert.Equal(TransferCancelOutcome.NotFound, result.Outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void A_completed_transfer_is_not_cancelled()
    {
        var completed = Given(Started(), new OwnershipTransferred(DeviceId, [Imei], Seller, SellerNationalId, Buyer, BuyerNationalId, Now.AddHours(1)));

        var (result, events, _) = CancelTransferHandler.Decide(new CancelTransfer(DeviceId, TransferId, Seller, SellerNationalId), completed, Now.AddHours(2));

        Assert.Equal(TransferCancelOutcome.AlreadyCompleted, result.Outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void An_expired_transfer_needs_no_cancel()
    {
        var (result, events, _) = CancelTransferHandler.Decide(new CancelTransfer(DeviceId, TransferId, Seller, SellerNationalId), Given(Started()), Now.AddDays(3));

        Assert.Equal(TransferCancelOutcome.AlreadyExpired, result.Outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void The_buyer_completes_with_the_code_and_both_sides_are_told()
    {
        var device = Given(Started());

        var (result, events) = ActivateDeviceHandler.Decide(new ActivateDevice(Imei, Buyer, BuyerNationalId, Code), device, Now.AddDays(3).AddSeconds(-1), Lockouts);

        Assert.Equal(ActivationOutcome.Transferred, result.Outcome);
        var transferred = Assert.IsType<OwnershipTransferred>(Assert.Single(events));
        Assert.Equal((Seller, Buyer, BuyerNationalId), (transferred.FromSim, transferred.ToSim, transferred.ToNationalId));
        var sms = ActivateDeviceHandler.Notices(device, events).ToList();
        Assert.Equal([Seller, Buyer], sms.Select(x => x.Mobile));
        Assert.Contains("0935***4567", sms[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_code_is_refused_with_its_reason_and_counts_as_no_guess()
    {
        var device = Given(Started(), new TransferCancelled(DeviceId, TransferId, Seller, TransferEnd.Cancelled, Now));

        var (result, events) = ActivateDeviceHandler.Decide(new ActivateDevice(Imei, Buyer, BuyerNationalId, Code), device, Now.AddMinutes(5), Lockouts);

        Assert.Equal(ActivationOutcome.TransferCancelled, result.Outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void A_replaced_code_is_refused_with_its_reason_while_the_new_one_works()
    {
        var next = Guid.Parse("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
        var device = Given(Started(), new TransferCancelled(DeviceId, TransferId, Seller, TransferEnd.Replaced, Now), Started(id: next, code: "735142"));

        Assert.Equal(ActivationOutcome.TransferCancelled,
            ActivateDeviceHandler.Decide(new ActivateDevice(Imei, Buyer, BuyerNationalId, Code), device, Now, Lockouts).Item1.Outcome);
        Assert.Equal(ActivationOutcome.Transferred,
            ActivateDeviceHandler.Decide(new ActivateDevice(Imei, Buyer, BuyerNationalId, "735142"), device, Now, Lockouts).Item1.Outcome);
    }

    [Fact]
    public void An_expired_code_is_refused_as_expired_and_a_wrong_one_as_no_code()
    {
        var device = Given(Started());

        Assert.Equal(ActivationOutcome.TransferExpired,
            ActivateDeviceHandler.Decide(new ActivateDevice(Imei, Buyer, BuyerNationalId, Code), device, Now.AddDays(3), Lockouts).Item1.Outcome);
        Assert.Equal(ActivationOutcome.NoActiveCode,
            ActivateDeviceHandler.Decide(new ActivateDevice(Imei, Buyer, BuyerNationalId, "111111"), device, Now.AddDays(3), Lockouts).Item1.Outcome);
    }

    [Fact]
    public void A_first_activation_tells_the_new_owner()
    {
        var boxed = Device.Create(new DeviceDeclared(DeviceId, [Imei], "Nokia", "105", ImportType.Commercial, "importer", null, Now))
            .Apply(new ActivationCodeIssued(DeviceId, ActivationCodes.Hash(DeviceId, Code), ActivationCodeReason.Box, Now));

        var (result, events) = ActivateDeviceHandler.Decide(new ActivateDevice(Imei, Buyer, BuyerNationalId, Code), boxed, Now, Lockouts);

        Assert.Equal(ActivationOutcome.Activated, result.Outcome);
        var sms = Assert.Single(ActivateDeviceHandler.Notices(boxed, events));
        Assert.Equal(new SendSms(Buyer, $"همتا\nگوشی \u2066{Imei}\u2069 با سیم‌کارت شما فعال شد و تحت مالکیت قطعی آن است.", SmsKind.Notice), sms);
    }
}
