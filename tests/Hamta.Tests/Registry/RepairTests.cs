using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class RepairTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    /// <summary>Luhn-correct, unregistered, same TAC (86754304) as the second subscriber's Xiaomi.</summary>
    private const string UnregisteredXiaomiTac = "867543041122350";

    private static Task<PortalPage> Repair(PortalClient browser, string oldImei, string newImei) =>
        browser.SubmitAsync("/repair", new Dictionary<string, string> { ["OldImei"] = oldImei, ["NewImei"] = newImei });

    [Fact]
    public async Task The_new_imei_replaces_the_old_one_in_the_registry()
    {
        var browser = await SignedInSubscriber();

        var page = await Repair(browser, SamsungSecondImei, UnregisteredSamsungTac);

        Assert.Contains("جایگزین", page.Document.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.True(SaysRegistered(await InquiryAbout(UnregisteredSamsungTac)));
        Assert.False(SaysRegistered(await InquiryAbout(SamsungSecondImei)));
        var mine = await MyImeis(browser);
        Assert.Contains(UnregisteredSamsungTac, mine);
        Assert.Contains(Samsung, mine);
        Assert.DoesNotContain(SamsungSecondImei, mine);
    }

    [Fact]
    public async Task Persian_digits_are_accepted()
    {
        var page = await Repair(await SignedInSubscriber(), Persian(SamsungSecondImei), ArabicIndic(UnregisteredSamsungTac));

        Assert.Contains("جایگزین", page.Text, StringComparison.Ordinal);
        Assert.True(SaysRegistered(await InquiryAbout(UnregisteredSamsungTac)));
    }

    [Fact]
    public async Task The_old_imei_is_prefilled_from_the_device_list_link()
    {
        var page = await (await SignedInSubscriber()).GetAsync($"/repair?oldImei={Samsung}");

        Assert.Equal(Samsung, page.Document.QuerySelector("#oldimei")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Imeis_of_different_models_are_refused_and_nothing_changes()
    {
        var page = await Repair(await SignedInSubscriber(), SamsungSecondImei, UnregisteredOtherTac);

        Assert.Contains("به یک مدل تعلق ندارند", page.ErrorFor("newimei"), StringComparison.Ordinal);
        Assert.True(SaysRegistered(await InquiryAbout(SamsungSecondImei)));
        Assert.False(SaysRegistered(await InquiryAbout(UnregisteredOtherTac)));
    }

    [Fact]
    public async Task An_imei_of_another_device_cannot_be_taken_over()
    {
        var browser = await SignedInSubscriber();

        var page = await Repair(browser, Nokia, BoxedNokia);

        Assert.Contains("به دستگاه دیگری تعلق دارد", page.ErrorFor("newimei"), StringComparison.Ordinal);
        Assert.Contains(Nokia, await MyImeis(browser));
        Assert.Contains("در انتظار فعال‌سازی", await StatusOf(browser, BoxedNokia), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_subscribers_device_cannot_be_repaired()
    {
        var page = await Repair(await SignedInSubscriber(), Xiaomi, UnregisteredXiaomiTac);

        Assert.Contains("در مالکیت سیم‌کارت کارتابل شما نیست", page.ErrorFor("oldimei"), StringComparison.Ordinal);
        Assert.False(SaysRegistered(await InquiryAbout(UnregisteredXiaomiTac)));
        Assert.Contains(Xiaomi, await MyImeis(await SignedInSubscriber(SecondUserSim)));
    }

    [Theory]
    [InlineData(BoxedNokia, "353325101234585")]
    [InlineData(Unregistered, "356938035643841")]
    public async Task A_device_nobody_owns_or_nobody_declared_cannot_be_repaired(string oldImei, string newImei)
    {
        var page = await Repair(await SignedInSubscriber(), oldImei, newImei);

        Assert.Contains("در مالکیت سیم‌کارت کارتابل شما نیست", page.ErrorFor("oldimei"), StringComparison.Ordinal);
        Assert.False(SaysRegistered(await InquiryAbout(newImei)));
    }

    [Fact]
    public async Task Another_sim_of_my_national_id_cannot_repair_the_kartable_sims_device()
    {
        var page = await Repair(await SignedInSubscriber(OtherSimOfSample), SamsungSecondImei, UnregisteredSamsungTac);

        Assert.Contains("در مالکیت سیم‌کارت کارتابل شما نیست", page.ErrorFor("oldimei"), StringComparison.Ordinal);
        Assert.False(SaysRegistered(await InquiryAbout(UnregisteredSamsungTac)));
    }

    [Fact]
    public async Task The_same_imei_twice_is_refused()
    {
        var page = await Repair(await SignedInSubscriber(), Samsung, Persian(Samsung));

        Assert.Contains("با شناسه پیشین یکی است", page.ErrorFor("newimei"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("35693803564381", UnregisteredSamsungTac, "oldimei", "۱۵ رقم")]
    [InlineData(SamsungSecondImei, "356938035643826", "newimei", "رقم کنترلی")]
    [InlineData(SamsungSecondImei, "3569380356438250", "newimei", "*#06#")]
    [InlineData("", UnregisteredSamsungTac, "oldimei", "را وارد کنید")]
    public async Task A_malformed_imei_is_refused_beside_its_field(string oldImei, string newImei, string field, string message)
    {
        var page = await Repair(await SignedInSubscriber(), oldImei, newImei);

        Assert.Contains(message, page.ErrorFor(field), StringComparison.Ordinal);
        Assert.True(SaysRegistered(await InquiryAbout(SamsungSecondImei)));
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_is_refused_without_an_error_page(string garbage)
    {
        var page = await Repair(await SignedInSubscriber(), garbage, garbage);

        Assert.Equal(200, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#error-summary"));
    }

    public static TheoryData<string> Garbage => new(new string('8', 4000), "<img src=x onerror=alert(1)>", "٣٥٦٩٣٨٠٣٥٦٤٣٨٠٩abc");

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        var browser = await SignedInSubscriber();

        var page = await browser.PostAsync("/repair", new Dictionary<string, string> { ["OldImei"] = SamsungSecondImei, ["NewImei"] = UnregisteredSamsungTac });

        Assert.Equal(400, page.Status);
        Assert.False(SaysRegistered(await InquiryAbout(UnregisteredSamsungTac)));
    }
}
