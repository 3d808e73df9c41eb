using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Sim.Contracts;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Registry;

/// <summary>
/// «افزودن دستگاه»: a device used before its brand joined the registry is claimed by the SIM that used it then, decided
/// from the sightings; at each boundary the claim is refused with the reason and nothing is registered.
/// </summary>
public sealed class AddDeviceTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private const string Phone = "860155031234561";
    private const string Form = "/devices/add";
    private static readonly DateTimeOffset JoinedAt = TestHost.PreRegistryBrandJoinedAt;

    private Task<AttachObservationsResult> SeenOnNetwork(string imei, string msisdn, DateTimeOffset at) => AndWaitForMessages(() =>
        Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [new AttachObservationRecord(imei, "43211" + msisdn[1..], msisdn, at)])));

    private static Task<PortalPage> Claim(PortalClient browser, string imei = Phone, string brand = TestHost.PreRegistryBrand, string model = "P30 Pro") =>
        browser.SubmitAsync(Form, new Dictionary<string, string> { ["Imei"] = imei, ["Brand"] = brand, ["DeviceModel"] = model });

    private async Task<Device?> Registered(string imei)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await DeviceStreams.ByImeiAsync(session, imei, CancellationToken.None);
    }

    [Fact]
    public async Task A_device_seen_with_my_sim_before_its_brand_joined_becomes_mine_with_a_registration_and_an_event()
    {
        await SeenOnNetwork(Phone, SampleMobile, JoinedAt.AddDays(-20));
        var browser = await SignedInSubscriber();

        var added = await Claim(browser, Persian(Phone), "huawei ");

        Assert.Equal("/devices/add?added=true", added.Location);
        var device = await Registered(Phone);
        Assert.NotNull(device);
        Assert.True(device.IsOwnedBy(SampleMobile, SampleNationalId));
        Assert.Equal(ImportType.PreRegistry, device.ImportType);
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(device.Id, token: TestContext.Current.CancellationToken);
        Assert.Equal([typeof(DeviceDeclared), typeof(DeviceClaimedBeforeRegistry)], events.Select(e => e.EventType));
        var claimed = (DeviceClaimedBeforeRegistry)events[1].Data;
        Assert.Equal((JoinedAt.AddDays(-20), JoinedAt), (claimed.FirstSeenWithSim, claimed.BrandJoinedAt));
        Assert.Contains(Phone, (await browser.GetAsync("/devices")).Text, StringComparison.Ordinal);
        Assert.Contains("دستگاه به نام شما ثبت شد", (await browser.GetAsync(added.Location!)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claimed_device_seen_again_is_first_seen_at_its_earliest_sighting()
    {
        await SeenOnNetwork(Phone, SampleMobile, JoinedAt.AddDays(-20));
        await Claim(await SignedInSubscriber());
        Assert.Null((await Registered(Phone))!.FirstSeenOnNetworkAt);

        await SeenOnNetwork(Phone, SampleMobile, JoinedAt.AddDays(1));

        Assert.Equal(JoinedAt.AddDays(-20), (await Registered(Phone))!.FirstSeenOnNetworkAt);
        Assert.Contains("بله", SeenOnNetworkLine(await InquiryAbout(Phone)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claiming_again_registers_nothing_twice()
    {
        await SeenOnNetwork(Phone, SampleMobile, JoinedAt.AddDays(-1));
        var browser = await SignedInSubscriber();
        await Claim(browser);
        var first = await Registered(Phone);

        var again = await Claim(browser);

        Assert.Contains("پیش‌تر به نام شما ثبت شده", again.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Equal(first!.Id, (await Registered(Phone))!.Id);
        var direct = await Ask<PreRegistryClaimResult>(new ClaimPreRegistryDevice(Phone, "Huawei", "P30", SampleMobile, SampleNationalId, JoinedAt.AddDays(-1)));
        Assert.Equal(PreRegistryClaimOutcome.AlreadyYours, direct.Outcome);
    }

    [Fact]
    public async Task A_device_seen_only_with_another_sim_is_refused()
    {
        await SeenOnNetwork(Phone, SecondUserSim, JoinedAt.AddDays(-30));

        var refused = await Claim(await SignedInSubscriber());

        Assert.Contains("با این سیم‌کارت ندیده است", refused.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Null(await Registered(Phone));
    }

    [Fact]
    public async Task A_device_another_sim_of_my_national_id_used_is_not_claimed_by_this_one()
    {
        await SeenOnNetwork(Phone, OtherSimOfSample, JoinedAt.AddDays(-30));

        var refused = await Claim(await SignedInSubscriber());

        Assert.Contains("با این سیم‌کارت ندیده است", refused.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Null(await Registered(Phone));
    }

    [Fact]
    public async Task A_device_first_seen_at_the_joining_instant_or_after_is_refused_and_one_a_second_before_is_not()
    {
        await SeenOnNetwork(Phone, SampleMobile, JoinedAt);
        var browser = await SignedInSubscriber();

        var refused = await Claim(browser);
        Assert.Contains("فقط پس از", refused.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Null(await Registered(Phone));

        var earlier = await SeenOnNetwork(Phone, SampleMobile, JoinedAt.AddSeconds(-1));
        Assert.Equal(ObservationOutcome.Stored, Assert.Single(earlier.Records).Outcome);
        Assert.Equal(JoinedAt.AddSeconds(-1), (await Ask<FirstSightingWithSim>(new FindFirstSightingWithSim(Phone, SampleMobile))).SeenAt);
        Assert.Equal("/devices/add?added=true", (await Claim(browser)).Location);
    }

    [Fact]
    public async Task A_registered_imei_is_refused_even_with_sightings()
    {
        await SeenOnNetwork(Xiaomi, SampleMobile, JoinedAt.AddDays(-5));

        var refused = await Claim(await SignedInSubscriber(), Xiaomi);

        Assert.Contains("ثبت شده است", refused.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.False((await Registered(Xiaomi))!.IsOwnedBy(SampleMobile, SampleNationalId));
    }

    [Fact]
    public async Task A_brand_not_listed_is_refused()
    {
        await SeenOnNetwork(Phone, SampleMobile, JoinedAt.AddDays(-5));

        var refused = await Claim(await SignedInSubscriber(), brand: "Samsung");

        Assert.Contains("برند در فهرست", refused.ErrorFor("brand"), StringComparison.Ordinal);
        Assert.Null(await Registered(Phone));
    }

    [Theory]
    [InlineData("86015503123456", "imei")]
    [InlineData("860155031234562", "imei")]
    [InlineData("8601550312345610", "imei")]
    [InlineData("", "imei")]
    public async Task A_malformed_imei_is_refused_beside_the_field(string imei, string field)
    {
        await SeenOnNetwork(Phone, SampleMobile, JoinedAt.AddDays(-5));

        var refused = await Claim(await SignedInSubscriber(), imei);

        Assert.Equal(200, refused.Status);
        Assert.False(string.IsNullOrWhiteSpace(refused.ErrorFor(field)));
        Assert.Null(await Registered(Phone));
    }

    [Fact]
    public async Task Brand_and_model_are_required()
    {
        var refused = await Claim(await SignedInSubscriber(), brand: " ", model: "");

        Assert.Contains("برند", refused.ErrorFor("brand"), StringComparison.Ordinal);
        Assert.Contains("مدل", refused.ErrorFor("devicemodel"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_in_the_menu_under_the_devices_and_lists_the_brands_dates()
    {
        var browser = await SignedInSubscriber();
        var page = await browser.GetAsync("/devices");

        Assert.NotNull(page.Document.QuerySelector(".side-menu .side-submenu a[href='/devices/add']"));
        Assert.NotNull(page.Document.QuerySelector("main a[href='/devices/add']"));
        var form = await browser.GetAsync(Form);
        Assert.Contains("Huawei", form.Document.QuerySelector("#brand-dates")!.TextContent, StringComparison.Ordinal);
    }
}
