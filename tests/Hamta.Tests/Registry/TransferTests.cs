using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class TransferTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private const string Password = "kartable-pass-1";

    [Fact]
    public async Task A_device_changes_hands_with_the_code_and_both_sides_see_it_in_their_history()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password);
        Assert.Matches("^[1-9][0-9]{5}$", code);

        var buyer = await SignedInSubscriber(SecondUserSim);
        var activated = await Activate(buyer, Nokia, SecondUserSim, code);

        Assert.Contains("منتقل شد", activated.Document.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Nokia, await MyImeis(seller));
        Assert.Contains(Nokia, await MyImeis(buyer));
        var made = (await seller.GetAsync("/transfers")).Document.QuerySelector("main tbody tr")?.TextContent;
        Assert.Contains("واگذار شده", made, StringComparison.Ordinal);
        Assert.Contains("0935***4567", made, StringComparison.Ordinal);
        var received = (await buyer.GetAsync("/transfers")).Document.QuerySelector("main tbody tr")?.TextContent;
        Assert.Contains("دریافت شده", received, StringComparison.Ordinal);
        Assert.Contains("0912***4567", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_the_buyer_activates_the_seller_still_owns_the_device_and_sees_the_transfer_pending_with_its_expiry()
    {
        var seller = await SignedInSubscriber();

        await TransferCodeFor(seller, Nokia, Password, buyerSim: SecondUserSim);

        Assert.Contains(Nokia, await MyImeis(seller));
        var pending = PendingRow(await seller.GetAsync("/transfers"));
        Assert.Contains(Nokia, pending, StringComparison.Ordinal);
        Assert.Contains(Display.DateTime(Clock.GetUtcNow().AddDays(3)), pending, StringComparison.Ordinal);
        Assert.Contains("0935***4567", pending, StringComparison.Ordinal);
        Assert.Contains("در انتظار فعال‌سازی خریدار", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_page_tells_until_when_the_code_works()
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, Password);

        var started = await StartTransfer(seller, Nokia, Password);

        Assert.Contains(Display.DateTime(Clock.GetUtcNow().AddDays(3)), started.Document.QuerySelector("#transfer-expiry")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seller_and_named_buyer_get_an_sms_at_the_start_and_at_completion_and_read_them_in_their_messages()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password, buyerSim: "۰۹۳۵ ۱۲۳ ۴۵۶۷");
        Assert.Contains(await NoticesTo(SampleMobile), text => text.Contains($"انتقال مالکیت گوشی {Ltr(Nokia)} آغاز شد", StringComparison.Ordinal));
        Assert.Contains(await NoticesTo(SecondUserSim), text => text.Contains("کد انتقال را از فروشنده بگیرید", StringComparison.Ordinal));
        Assert.DoesNotContain(await NoticesTo(SecondUserSim), text => text.Contains(code, StringComparison.Ordinal));

        var buyer = await SignedInSubscriber(SecondUserSim);
        await Activate(buyer, Nokia, SecondUserSim, code);

        Assert.Contains(await NoticesTo(SampleMobile), text => text.Contains($"مالکیت گوشی {Ltr(Nokia)} به سیم‌کارت {Ltr("0935***4567")} منتقل شد", StringComparison.Ordinal));
        Assert.Contains(await NoticesTo(SecondUserSim), text => text.Contains($"مالکیت گوشی {Ltr(Nokia)} به سیم‌کارت شما منتقل شد", StringComparison.Ordinal));
        Assert.Contains($"به سیم‌کارت {Ltr("0935***4567")} منتقل شد", (await seller.GetAsync("/messages")).Text, StringComparison.Ordinal);
        Assert.Contains("به سیم‌کارت شما منتقل شد", (await buyer.GetAsync("/messages")).Text, StringComparison.Ordinal);
        Assert.Null((await seller.GetAsync("/transfers")).Document.QuerySelector("#pending-title"));
    }

    [Fact]
    public async Task The_seller_cancels_a_pending_transfer_and_its_code_no_longer_works_for_the_buyer()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password, buyerSim: SecondUserSim);

        var cancelled = await Cancel(seller);

        Assert.Equal("/transfers?cancelled=True", cancelled.Location);
        var page = await seller.GetAsync(cancelled.Location!);
        Assert.Contains("انتقال مالکیت لغو شد", page.Document.QuerySelector("#transfer-cancelled")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#pending-title"));
        Assert.Single(await NoticesTo(SampleMobile), text => text.Contains($"انتقال مالکیت گوشی {Ltr(Nokia)} لغو شد", StringComparison.Ordinal));
        Assert.Single(await NoticesTo(SecondUserSim), text => text.Contains($"فروشنده انتقال مالکیت گوشی {Ltr(Nokia)} را لغو کرد", StringComparison.Ordinal));

        var refused = await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, code);
        Assert.Contains("فروشنده انتقال را لغو کرده", refused.ErrorFor("code"), StringComparison.Ordinal);
        Assert.Contains(Nokia, await MyImeis(seller));
    }

    [Fact]
    public async Task A_cancel_sent_twice_cancels_once()
    {
        var seller = await SignedInSubscriber();
        await TransferCodeFor(seller, Nokia, Password);
        var form = await seller.GetAsync("/transfers");
        var fields = form.Document.QuerySelectorAll("form[action='/transfers?handler=Cancel'] input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty);

        var first = await AndWaitForMessages(() => seller.PostAsync("/transfers?handler=Cancel", fields));
        var again = await AndWaitForMessages(() => seller.PostAsync("/transfers?handler=Cancel", fields));
        fields["__FormKey"] = Guid.NewGuid().ToString();
        var fresh = await AndWaitForMessages(() => seller.PostAsync("/transfers?handler=Cancel", fields));

        Assert.Equal([first.Location, first.Location], new[] { again.Location, fresh.Location });
        Assert.Single(await NoticesTo(SampleMobile), text => text.Contains("لغو شد", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transfer_code_expires_after_three_days()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password);

        Clock.Advance(TimeSpan.FromDays(3));

        var refused = await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, code);
        Assert.Contains("مهلت این کد انتقال گذشته است", refused.ErrorFor("code"), StringComparison.Ordinal);
        seller = await SignedInSubscriber();
        var page = await seller.GetAsync("/transfers");
        Assert.Contains("مهلت گذشته", PendingRow(page), StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("form[action='/transfers?handler=Cancel']"));
        Assert.Contains(Nokia, await MyImeis(seller));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Nobody_cancels_a_transfer_of_a_device_they_do_not_hold(string forgedDevice)
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password);
        var transfer = (await seller.GetAsync("/transfers")).Document.QuerySelector("input[name=transferId]")!.GetAttribute("value")!;
        var device = (await seller.GetAsync("/transfers")).Document.QuerySelector("input[name=deviceId]")!.GetAttribute("value")!;
        var other = await SignedInSubscriber(OtherSimOfSample);

        var byOtherSim = await Cancel(other, "/transfers", new Dictionary<string, string> { ["deviceId"] = device, ["transferId"] = transfer });
        var forged = await Cancel(seller, "/transfers", new Dictionary<string, string> { ["deviceId"] = forgedDevice, ["transferId"] = transfer });

        Assert.All([byOtherSim, forged], page =>
        {
            Assert.Equal(200, page.Status);
            Assert.Contains("این انتقال در جریان نیست", page.Errors, StringComparison.Ordinal);
        });
        Assert.Contains("منتقل شد", (await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, code)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancel_after_the_buyer_activated_says_the_transfer_is_done()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password);
        var form = await seller.GetAsync("/transfers");
        var fields = form.Document.QuerySelectorAll("form[action='/transfers?handler=Cancel'] input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty);
        await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, code);

        var late = await seller.PostAsync("/transfers?handler=Cancel", fields);

        Assert.Contains("پیش‌تر انجام شده است", late.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_buyer_number_is_refused_beside_its_field_and_gives_no_code()
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, Password);

        var page = await StartTransfer(seller, Nokia, Password, "0912-abc");

        Assert.Contains("معتبر نیست", page.ErrorFor("buyersim"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(page));
    }

    private Task<PortalPage> Cancel(PortalClient seller, string page = "/transfers", Dictionary<string, string>? fields = null) =>
        AndWaitForMessages(() => seller.SubmitAsync(page, fields ?? [], "/transfers?handler=Cancel"));

    /// <summary>An IMEI or a number as an SMS writes it inside Persian text: isolated left to right.</summary>
    private static string Ltr(string text) => $"\u2066{text}\u2069";

    private static IReadOnlyList<string> PendingRows(PortalPage page) =>
        [.. page.Document.QuerySelectorAll("section[aria-labelledby=pending-title] tbody tr").Select(row => row.TextContent)];

    private static string? PendingRow(PortalPage page) =>
        page.Document.QuerySelector("section[aria-labelledby=pending-title] tbody tr")?.TextContent;

    [Fact]
    public async Task A_transfer_code_works_only_once()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password);
        await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, code);

        var again = await Activate(seller, Nokia, SampleMobile, code);

        Assert.Contains("کد فعالی", again.ErrorFor("code"), StringComparison.Ordinal);
        Assert.DoesNotContain(Nokia, await MyImeis(seller));
    }

    [Fact]
    public async Task A_new_transfer_code_replaces_the_previous_one()
    {
        var seller = await SignedInSubscriber();
        var first = await TransferCodeFor(seller, Nokia, Password);
        var second = TransferCodeOn(await StartTransfer(seller, Nokia, Password))!;
        var buyer = await SignedInSubscriber(SecondUserSim);

        if (first != second)
        {
            var stale = await Activate(buyer, Nokia, SecondUserSim, first);
            Assert.Contains("کد تازه‌ای گرفته است", stale.ErrorFor("code"), StringComparison.Ordinal);
        }

        Assert.Single(PendingRows(await seller.GetAsync("/transfers")));

        Assert.Contains("منتقل شد", (await Activate(buyer, Nokia, SecondUserSim, second)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_from_the_buyer_leaves_the_device_with_the_seller()
    {
        var seller = await SignedInSubscriber();
        var code = await TransferCodeFor(seller, Nokia, Password);

        var page = await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, WrongCodeFor(code));

        Assert.Contains("کد فعال‌سازی درست نیست", page.ErrorFor("code"), StringComparison.Ordinal);
        Assert.Contains(Nokia, await MyImeis(seller));
    }

    [Fact]
    public async Task An_owner_can_move_a_device_to_another_of_their_own_sims()
    {
        var browser = await SignedInSubscriber();
        var code = await TransferCodeFor(browser, Nokia, Password);

        Assert.Contains("منتقل شد", (await Activate(browser, Nokia, OtherSimOfSample, code)).Text, StringComparison.Ordinal);

        var sims = await browser.GetAsync("/sims");
        Assert.Contains(Nokia, sims.Document.QuerySelector($"section[aria-labelledby='sim-{OtherSimOfSample}']")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Nokia, sims.Document.QuerySelector($"section[aria-labelledby='sim-{SampleMobile}']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_kartable_password_no_code_is_given()
    {
        var page = await StartTransfer(await SignedInSubscriber(), Nokia, "anything-at-all");

        Assert.Contains("هنوز گذرواژه کارتابل تعیین نکرده‌اید", page.ErrorFor("password"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(page));
    }

    [Fact]
    public async Task A_wrong_kartable_password_gives_no_code()
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, Password);

        var page = await StartTransfer(seller, Nokia, "not-the-password");

        Assert.Contains("گذرواژه کارتابل درست نیست", page.ErrorFor("password"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(page));
    }

    [Fact]
    public async Task The_device_list_offers_only_the_devices_of_the_signed_in_sim()
    {
        var page = await (await SignedInSubscriber()).GetAsync($"/transfers/start?imei={Nokia}");

        var options = page.Document.QuerySelectorAll("#imei option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([Samsung, Nokia], options);
        Assert.Equal(Nokia, page.Document.QuerySelector("#imei option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_sim_that_owns_nothing_has_nothing_to_transfer()
    {
        var page = await (await SignedInSubscriber(OtherSimOfSample)).GetAsync("/transfers/start");

        Assert.Contains("دستگاهی تحت مالکیت شما ثبت نشده است", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#imei"));
    }

    [Fact]
    public async Task Another_sim_of_the_same_national_id_cannot_transfer_the_kartable_sims_device()
    {
        var browser = await SignedInSubscriber(OtherSimOfSample);
        await SetKartablePassword(browser, Password);

        var page = await StartTransfer(browser, Nokia, Password);

        Assert.Equal(200, page.Status);
        Assert.Null(TransferCodeOn(page));
        var stale = await Activate(await SignedInSubscriber(SecondUserSim), Nokia, SecondUserSim, BoxCode);
        Assert.Contains("کد فعالی", stale.ErrorFor("code"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Xiaomi)]
    [InlineData(BoxedNokia)]
    public async Task A_forged_device_choice_gives_no_code_and_changes_nothing(string forged)
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, Password);

        var page = await StartTransfer(seller, forged, Password);

        Assert.Contains("در مالکیت سیم‌کارت کارتابل شما نیست", page.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(page));
        Assert.Contains(Xiaomi, await MyImeis(await SignedInSubscriber(SecondUserSim)));
        var guessed = await Activate(seller, Xiaomi, SampleMobile, XiaomiBoxCode);
        Assert.Contains("کد فعالی", guessed.ErrorFor("code"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OddChoices))]
    public async Task An_odd_device_choice_is_refused_without_an_error_page(string imei)
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, Password);

        var page = await StartTransfer(seller, imei, Password);

        Assert.Equal(200, page.Status);
        Assert.Contains("در مالکیت سیم‌کارت کارتابل شما نیست", page.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(page));
    }

    public static TheoryData<string> OddChoices => new("", "not-an-imei", new string('3', 3000), "<script>x</script>");

    [Fact]
    public async Task A_post_without_the_antiforgery_token_gives_no_code()
    {
        var seller = await SignedInSubscriber();
        await SetKartablePassword(seller, Password);

        var page = await seller.PostAsync("/transfers/start", new Dictionary<string, string> { ["Imei"] = Nokia, ["Password"] = Password });

        Assert.Equal(400, page.Status);
        Assert.Null(TransferCodeOn(page));
    }
}
