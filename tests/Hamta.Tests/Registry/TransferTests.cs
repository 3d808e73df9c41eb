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
    public async Task Until_the_buyer_activates_the_seller_still_owns_the_device()
    {
        var seller = await SignedInSubscriber();

        await TransferCodeFor(seller, Nokia, Password);

        Assert.Contains(Nokia, await MyImeis(seller));
        Assert.Contains("انتقال مالکیتی برای شما ثبت نشده است", (await seller.GetAsync("/transfers")).Text, StringComparison.Ordinal);
    }

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
            Assert.Contains("کد فعال‌سازی درست نیست", stale.ErrorFor("code"), StringComparison.Ordinal);
        }

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
