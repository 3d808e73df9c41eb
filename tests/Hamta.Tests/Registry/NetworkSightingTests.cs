using Hamta.Kernel.Text;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Registry;

public sealed class NetworkSightingTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private Task<PortalPage> Attach(string imei, string sim) =>
        AndWaitForMessages(() => NewBrowser().SubmitAsync("/dev/attach", new Dictionary<string, string> { ["Imei"] = imei, ["Sim"] = sim }));

    private static string? Outcome(PortalPage page) => page.Document.QuerySelector("main [role=status]")?.TextContent.Trim();

    [Fact]
    public async Task A_sighting_shows_when_my_device_was_last_seen()
    {
        var page = await Attach(Nokia, SampleMobile);

        Assert.Equal("رؤیت ثبت شد.", Outcome(page));
        var devices = await (await SignedInSubscriber()).GetAsync("/devices");
        var nokiaRow = devices.Document.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains(Nokia, StringComparison.Ordinal)).TextContent;
        Assert.Contains(Display.DateTime(Clock.GetUtcNow()), nokiaRow, StringComparison.Ordinal);
        Assert.DoesNotContain("رؤیت نشده", nokiaRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_inquiry_then_says_the_device_was_seen_on_the_network()
    {
        Assert.Contains("خیر", SeenOnNetworkLine(await InquiryAbout(Nokia)), StringComparison.Ordinal);

        await Attach(Nokia, SecondUserSim);

        Assert.Contains("بله", SeenOnNetworkLine(await InquiryAbout(Nokia)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sighting_of_one_imei_marks_the_whole_device_seen()
    {
        await Attach(Persian(SamsungSecondImei), SampleMobile);

        Assert.Contains("بله", SeenOnNetworkLine(await InquiryAbout(Samsung)), StringComparison.Ordinal);
        Assert.Contains("خیر", SeenOnNetworkLine(await InquiryAbout(Nokia)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_sighting_reported_twice_is_stored_once()
    {
        await Attach(Nokia, SampleMobile);

        var again = await Attach(Nokia, SampleMobile);

        Assert.Equal("این رؤیت پیش‌تر ثبت شده است.", Outcome(again));
    }

    [Fact]
    public async Task A_sighting_with_a_sim_hamta_does_not_know_is_stored_too()
    {
        var page = await Attach(Nokia, UnknownSim);

        Assert.Equal("رؤیت ثبت شد.", Outcome(page));
        Assert.Contains("بله", SeenOnNetworkLine(await InquiryAbout(Nokia)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sighting_of_an_undeclared_imei_does_not_register_it()
    {
        await Attach(Unregistered, SampleMobile);

        Assert.False(SaysRegistered(await InquiryAbout(Unregistered)));
    }

    [Theory]
    [InlineData("35332510123456", "IMEI آن معتبر نیست")]
    [InlineData("not-an-imei", "IMEI آن معتبر نیست")]
    [InlineData("", "کامل وارد کنید")]
    public async Task A_malformed_report_is_flagged_and_marks_nothing_seen(string imei, string message)
    {
        var page = await Attach(imei, SampleMobile);

        Assert.Equal(200, page.Status);
        Assert.Contains(message, Outcome(page), StringComparison.Ordinal);
        Assert.Contains("خیر", SeenOnNetworkLine(await InquiryAbout(Nokia)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_in_both_fields_does_not_break_the_page()
    {
        var page = await Attach(new string('5', 3000), new string('x', 3000));

        Assert.Equal(200, page.Status);
        Assert.Contains("کامل وارد کنید", Outcome(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_sighting_of_an_imei_seen_before_is_stored_too()
    {
        await Attach(Nokia, SampleMobile);
        Clock.Advance(TimeSpan.FromHours(1));

        await Attach(Nokia, SampleMobile);

        var lastSeen = await Ask<Hamta.Sim.Contracts.LastSeenOnNetwork>(new Hamta.Sim.Contracts.FindLastSeenOnNetwork([Nokia]));
        Assert.Equal(Clock.GetUtcNow(), lastSeen.ByImei[Nokia]);
    }
}
