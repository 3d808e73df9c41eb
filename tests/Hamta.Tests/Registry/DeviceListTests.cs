using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class DeviceListTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    [Fact]
    public async Task My_devices_are_listed_with_model_owner_sim_and_state()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/devices");

        var rows = page.Document.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All([Samsung, SamsungSecondImei, "Samsung Galaxy A54", SampleMobile, "تحت مالکیت قطعی", "رؤیت نشده"],
            text => Assert.Contains(text, rows[0], StringComparison.Ordinal));
        Assert.All([Nokia, "Nokia 105", SampleMobile, "تحت مالکیت قطعی"], text => Assert.Contains(text, rows[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nobody_elses_devices_and_no_unowned_device_appear()
    {
        var mine = await MyImeis(await SignedInSubscriber());

        Assert.DoesNotContain(Xiaomi, mine);
        Assert.DoesNotContain(BoxedNokia, mine);
        Assert.Equal([Xiaomi, XiaomiSecondImei, StolenIPhone], await MyImeis(await SignedInSubscriber(SecondUserSim)));
    }

    [Fact]
    public async Task Every_sim_of_my_national_id_sees_the_same_devices()
    {
        var fromOtherSim = await MyImeis(await SignedInSubscriber(OtherSimOfSample));

        Assert.Equal([Samsung, SamsungSecondImei, Nokia], fromOtherSim);
    }

    [Fact]
    public async Task Each_device_links_to_its_transfer_and_repair()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/devices");

        Assert.NotNull(page.Document.QuerySelector($"a[href='/transfers/start?imei={Nokia}']"));
        Assert.NotNull(page.Document.QuerySelector($"a[href='/repair?oldImei={Samsung}']"));
    }

    [Fact]
    public async Task The_sims_page_groups_my_devices_under_the_sim_that_owns_them()
    {
        var page = await (await SignedInSubscriber()).GetAsync("/sims");

        var kartable = page.Document.QuerySelector($"section[aria-labelledby='sim-{SampleMobile}']")!.TextContent;
        var other = page.Document.QuerySelector($"section[aria-labelledby='sim-{OtherSimOfSample}']")!.TextContent;
        Assert.Contains("کارتابل فعلی", kartable, StringComparison.Ordinal);
        Assert.Contains("Samsung Galaxy A54", kartable, StringComparison.Ordinal);
        Assert.Contains(Nokia, kartable, StringComparison.Ordinal);
        Assert.DoesNotContain("کارتابل فعلی", other, StringComparison.Ordinal);
        Assert.Contains("دستگاهی به این سیم‌کارت تعلق ندارد", other, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"section[aria-labelledby='sim-{SecondUserSim}']"));
    }

    [Theory]
    [InlineData("/devices")]
    [InlineData("/sims")]
    public async Task An_anonymous_visitor_is_sent_to_the_login(string url)
    {
        var page = await NewBrowser().GetAsync(url);

        Assert.Equal(302, page.Status);
        Assert.Contains("/login", page.Location, StringComparison.Ordinal);
    }
}
