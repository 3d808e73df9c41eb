using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class ActivationTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    [Fact]
    public async Task A_boxed_device_is_activated_with_its_code_and_joins_my_devices()
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, BoxedNokia, SampleMobile, BoxCode);

        Assert.Equal(200, page.Status);
        Assert.Contains("فعال شد", page.Document.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(BoxedNokia, await MyImeis(browser));
        Assert.Contains("تحت مالکیت قطعی", await StatusOf(browser, BoxedNokia), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_owner_gets_an_sms_of_the_activation_and_reads_it_in_the_portal()
    {
        var browser = await SignedInSubscriber();

        await Activate(browser, BoxedNokia, OtherSimOfSample, BoxCode);

        var sms = Assert.Single(await NoticesTo(OtherSimOfSample));
        Assert.Contains($"گوشی \u2066{BoxedNokia}\u2069 با سیم‌کارت شما فعال شد", sms, StringComparison.Ordinal);
        Assert.Empty(await NoticesTo(SampleMobile));
        var other = await SignedInSubscriber(OtherSimOfSample);
        Assert.Contains("با سیم‌کارت شما فعال شد", (await other.GetAsync("/messages")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_activation_sends_no_sms()
    {
        await Activate(await SignedInSubscriber(), BoxedNokia, SampleMobile, WrongCodeFor(BoxCode));

        Assert.Empty(await NoticesTo(SampleMobile));
    }

    [Fact]
    public async Task The_form_proposes_the_signed_in_sim()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/activation");

        Assert.Equal(SampleMobile, page.Document.QuerySelector("#sim")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Persian_and_arabic_digits_with_spaces_are_accepted()
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, Persian("3533 2510 1234 577"), ArabicIndic("0912 123 4567"), Persian(BoxCode));

        Assert.Contains("فعال شد", page.Text, StringComparison.Ordinal);
        Assert.Contains(BoxedNokia, await MyImeis(browser));
    }

    [Fact]
    public async Task A_device_can_be_activated_on_another_sim_of_my_national_id()
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, BoxedNokia, OtherSimOfSample, BoxCode);

        Assert.Contains("فعال شد", page.Text, StringComparison.Ordinal);
        var sims = await browser.GetAsync("/sims");
        Assert.Contains(BoxedNokia, sims.Document.QuerySelector($"section[aria-labelledby='sim-{OtherSimOfSample}']")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("35332510123457", "۱۵ رقم")]
    [InlineData("353325101234578", "رقم کنترلی")]
    [InlineData("3533251012345770", "*#06#")]
    [InlineData("35332510123457x", "فقط از رقم")]
    [InlineData("", "را وارد کنید")]
    public async Task A_malformed_imei_is_refused_beside_its_field(string imei, string message)
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, imei, SampleMobile, BoxCode);

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Equal("true", page.Document.QuerySelector("#imei")!.GetAttribute("aria-invalid"));
        Assert.DoesNotContain(BoxedNokia, await MyImeis(browser));
    }

    [Theory]
    [InlineData(SecondUserSim)]
    [InlineData(UnknownSim)]
    public async Task A_sim_not_registered_to_my_national_id_is_refused_and_the_device_stays_unowned(string sim)
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, BoxedNokia, sim, BoxCode);

        Assert.Contains("به نام کد ملی شما ثبت نشده", page.ErrorFor("sim"), StringComparison.Ordinal);
        Assert.Contains("در انتظار فعال‌سازی", await StatusOf(browser, BoxedNokia), StringComparison.Ordinal);
        Assert.DoesNotContain(BoxedNokia, await MyImeis(await SignedInSubscriber(SecondUserSim)));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("048291")]
    [InlineData("abcdef")]
    [InlineData("")]
    public async Task A_code_that_is_not_six_digits_starting_with_non_zero_is_refused(string code)
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, BoxedNokia, SampleMobile, code);

        Assert.Contains("شش رقم است و با صفر شروع نمی‌شود", page.ErrorFor("code"), StringComparison.Ordinal);
        Assert.DoesNotContain(BoxedNokia, await MyImeis(browser));
    }

    [Fact]
    public async Task An_imei_unknown_to_the_registry_is_refused()
    {
        var page = await Activate(await SignedInSubscriber(), Unregistered, SampleMobile, BoxCode);

        Assert.Contains("در همتا ثبت نشده", page.ErrorFor("imei"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_device_stays_unowned()
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, BoxedNokia, SampleMobile, WrongCodeFor(BoxCode));

        Assert.Contains("کد فعال‌سازی درست نیست", page.ErrorFor("code"), StringComparison.Ordinal);
        Assert.Contains("در انتظار فعال‌سازی", await StatusOf(browser, BoxedNokia), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_code_waits_for_the_cooldown()
    {
        var browser = await SignedInSubscriber();
        PortalPage page = null!;
        for (var i = 0; i < 5; i++)
        {
            page = await Activate(browser, BoxedNokia, SampleMobile, WrongCodeFor(BoxCode));
        }

        Assert.Contains("تا ۱۵ دقیقه دیگر", page.ErrorFor("code"), StringComparison.Ordinal);
        Clock.Advance(TimeSpan.FromMinutes(10));
        var rightButTooSoon = await Activate(browser, BoxedNokia, SampleMobile, BoxCode);
        Assert.Contains("تا ۵ دقیقه دیگر", rightButTooSoon.ErrorFor("code"), StringComparison.Ordinal);
        Assert.DoesNotContain(BoxedNokia, await MyImeis(browser));

        Clock.Advance(TimeSpan.FromMinutes(5));
        var afterCooldown = await Activate(browser, BoxedNokia, SampleMobile, BoxCode);
        Assert.Contains("فعال شد", afterCooldown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_already_owned_by_that_sim_is_refused()
    {
        var page = await Activate(await SignedInSubscriber(), Samsung, SampleMobile, BoxCode);

        Assert.Contains("هم‌اکنون در مالکیت همین سیم‌کارت", page.ErrorFor("imei"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_box_code_activates_only_once()
    {
        var browser = await SignedInSubscriber();
        await Activate(browser, BoxedNokia, SampleMobile, BoxCode);

        var again = await Activate(browser, BoxedNokia, OtherSimOfSample, BoxCode);

        Assert.Contains("کد فعالی برای این دستگاه وجود ندارد", again.ErrorFor("code"), StringComparison.Ordinal);
        var sims = await browser.GetAsync("/sims");
        Assert.Contains(BoxedNokia, sims.Document.QuerySelector($"section[aria-labelledby='sim-{SampleMobile}']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_subscribers_device_cannot_be_taken_with_its_old_box_code()
    {
        var page = await Activate(await SignedInSubscriber(), Xiaomi, SampleMobile, XiaomiBoxCode);

        Assert.Contains("کد فعالی", page.ErrorFor("code"), StringComparison.Ordinal);
        Assert.Contains(Xiaomi, await MyImeis(await SignedInSubscriber(SecondUserSim)));
    }

    [Fact]
    public async Task Another_subscriber_cannot_activate_a_device_onto_my_sim()
    {
        var second = await SignedInSubscriber(SecondUserSim);

        var page = await Activate(second, Samsung, SampleMobile, BoxCode);

        Assert.Contains("به نام کد ملی شما ثبت نشده", page.ErrorFor("sim"), StringComparison.Ordinal);
        Assert.Contains(Samsung, await MyImeis(await SignedInSubscriber()));
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task Garbage_in_any_field_is_refused_without_an_error_page(string garbage)
    {
        var browser = await SignedInSubscriber();

        var page = await Activate(browser, garbage, garbage, garbage);

        Assert.Equal(200, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#error-summary"));
    }

    public static TheoryData<string> Garbage => new(new string('۹', 5000), "<script>alert('x')</script>", "\u200F\u202E   ");

    [Fact]
    public async Task A_post_without_the_antiforgery_token_activates_nothing()
    {
        var browser = await SignedInSubscriber();

        var page = await browser.PostAsync("/activation", new Dictionary<string, string> { ["Imei"] = BoxedNokia, ["Sim"] = SampleMobile, ["Code"] = BoxCode });

        Assert.Equal(400, page.Status);
        Assert.DoesNotContain(BoxedNokia, await MyImeis(browser));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login()
    {
        var page = await NewBrowser().GetAsync("/activation");

        Assert.Equal(302, page.Status);
        Assert.Contains("/login", page.Location, StringComparison.Ordinal);
    }
}
