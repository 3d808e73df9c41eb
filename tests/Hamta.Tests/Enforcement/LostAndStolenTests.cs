using Hamta.Devices.Contracts;
using Hamta.Host.Api;
using Hamta.Host.DemoData;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Text;
using Hamta.Kernel.Time;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Enforcement;

public sealed class LostAndStolenTests(HamtaFixture fixture) : RegistryTest(fixture)
{
    private const string DemoIphone = StolenIPhone;
    private const string Place = "تهران، میدان ولیعصر";
    private const string Stranger = SecondUserSim;

    private string Today => JalaliDate.FormatDate(Clock.GetUtcNow());

    private Task<PortalPage> ReportLost(PortalClient browser, string imei, string kind = "Stolen", string? lostOn = null, string place = Place, string police = "") =>
        AndWaitForMessages(() => browser.SubmitAsync("/devices/report-lost", new Dictionary<string, string>
        {
            ["Imei"] = imei, ["Kind"] = kind, ["LostOn"] = lostOn ?? Persian(Today), ["Place"] = place, ["PoliceReport"] = police,
        }));

    private async Task<string> ReportedCase(PortalClient owner, string imei)
    {
        var page = await ReportLost(owner, imei);
        Assert.Equal(302, page.Status);
        Assert.StartsWith("/devices/lost/", page.Location, StringComparison.Ordinal);
        return page.Location!["/devices/lost/".Length..];
    }

    private async Task<IReadOnlyList<LostCaseDetails>> CasesOf(string imei) =>
        (await Ask<IReadOnlyList<LostCaseDetails>>(new FindLostCases(IncludeFound: true))).Where(c => c.Imeis.Contains(imei)).ToList();

    private async Task<PortalClient> SignedInAgent()
    {
        var browser = NewBrowser();
        var page = await browser.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "agent", ["password"] = DemoPasswords.Agent });
        Assert.Equal("/staff", page.Location);
        return browser;
    }

    private Task<MachineAnswer> Sighting(string imei, string msisdn, DateTimeOffset at) =>
        AndWaitForMessages(() => MachineApi.PostAsync(Host, OperatorApi.Path, OperatorApi.KeyHeader, TestHost.OperatorKey,
            new { observations = new[] { new { imei, imsi = "432110000000001", msisdn, observedAt = at } } }));

    [Fact]
    public async Task The_owner_reports_a_device_stolen_gets_a_case_number_and_everyone_sees_it_is_reported()
    {
        var owner = await SignedInSubscriber();

        var number = await ReportedCase(owner, Nokia);

        var casePage = await owner.GetAsync($"/devices/lost/{number}");
        Assert.Equal(Display.Digits(number!), casePage.Document.QuerySelector("#case-number")?.TextContent.Trim());
        Assert.Contains("سرقت شده", casePage.Text, StringComparison.Ordinal);
        Assert.Contains(Place, casePage.Text, StringComparison.Ordinal);
        Assert.Contains(Display.Date(Clock.GetUtcNow()), casePage.Text, StringComparison.Ordinal);
        Assert.Contains(await SmsTo(SampleMobile, SmsKind.Notice), sms => sms.Text.Contains($"شماره پرونده: {Display.Digits(number!)}", StringComparison.Ordinal));
        Assert.Contains("مفقودی یا سرقتی گزارش شده", await InquiryAbout(Nokia), StringComparison.Ordinal);
        Assert.Contains("گزارش مفقودی یا سرقت شده", await StatusOf(owner, Nokia), StringComparison.Ordinal);
        Assert.Contains($"/devices/lost/{number}", (await owner.GetAsync("/devices")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("مفقودی", await InquiryAbout(Samsung), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_sim_of_the_owners_national_id_may_report_and_the_device_list_does_not_offer_it_twice()
    {
        var otherSim = await SignedInSubscriber(OtherSimOfSample);

        var number = await ReportedCase(otherSim, Samsung);

        var again = await otherSim.GetAsync($"/devices/report-lost?imei={Samsung}");
        Assert.Equal($"/devices/lost/{number}", again.Location);
        var offered = (await otherSim.GetAsync("/devices/report-lost")).Document.QuerySelectorAll("#imei option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal([Nokia], offered);
    }

    [Fact]
    public async Task A_reported_device_can_be_neither_handed_over_nor_activated_with_a_code_given_before_the_report()
    {
        var owner = await SignedInSubscriber();
        var code = await TransferCodeFor(owner, Nokia);
        await ReportedCase(owner, Nokia);

        var activation = await Activate(await SignedInSubscriber(Stranger), Nokia, Stranger, code);
        var transfer = await StartTransfer(owner, Nokia, "kartable-pass-1");

        Assert.Contains("مفقودی یا سرقتی گزارش شده", activation.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Contains("مفقودی یا سرقتی گزارش شده", transfer.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.Null(TransferCodeOn(transfer));
        Assert.Contains(Nokia, await MyImeis(owner));
    }

    [Fact]
    public async Task The_owner_marks_it_found_and_the_device_is_as_before()
    {
        var owner = await SignedInSubscriber();
        var number = await ReportedCase(owner, Nokia);
        var casePage = await owner.GetAsync($"/devices/lost/{number}");

        var found = await AndWaitForMessages(() => owner.SubmitAsync($"/devices/lost/{number}", new Dictionary<string, string>(), $"/devices/lost/{number}?handler=Found"));

        Assert.Equal($"/devices/lost/{number}", found.Location);
        Assert.Contains("پیدا شده", (await owner.GetAsync(found.Location!)).Document.QuerySelector("#case-status")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(casePage.Document.QuerySelector("form[method=post]"));
        Assert.True(SaysRegistered(await InquiryAbout(Nokia)));
        Assert.Contains("تحت مالکیت قطعی", await StatusOf(owner, Nokia), StringComparison.Ordinal);
        Assert.Matches("^[1-9][0-9]{5}$", await TransferCodeFor(owner, Nokia));
    }

    [Fact]
    public async Task Another_subscriber_can_neither_report_your_device_nor_see_or_close_your_case()
    {
        var owner = await SignedInSubscriber();
        var number = await ReportedCase(owner, Samsung);
        var stranger = await SignedInSubscriber(Stranger);

        var report = await ReportLost(stranger, Nokia);
        var view = await stranger.GetAsync($"/devices/lost/{number}");
        var close = await stranger.SubmitAsync("/devices", new Dictionary<string, string>(), $"/devices/lost/{number}?handler=Found");

        Assert.Contains("در مالکیت سیم‌کارت‌های شما نیست", report.ErrorFor("imei"), StringComparison.Ordinal);
        Assert.True(SaysRegistered(await InquiryAbout(Nokia)));
        Assert.Equal(404, view.Status);
        Assert.Equal(404, close.Status);
        Assert.Contains("مفقودی یا سرقتی گزارش شده", await InquiryAbout(Samsung), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kind", "", "kind", "مفقود شده یا سرقت شده را انتخاب کنید")]
    [InlineData("Kind", "7", "kind", "مفقود شده یا سرقت شده را انتخاب کنید")]
    [InlineData("LostOn", "2026-11-24", "loston", "تاریخ را به شمسی")]
    [InlineData("LostOn", "۱۴۰۵/۱۳/۰۱", "loston", "تاریخ را به شمسی")]
    [InlineData("LostOn", "۱۴۰۵/۰۹/۰۴", "loston", "بعد از امروز")]
    [InlineData("Place", "   ", "place", "محل مفقودی یا سرقت را بنویسید")]
    [InlineData("PoliceReport", "abc", "policereport", "فقط رقم")]
    [InlineData("Imei", BoxedNokia, "imei", "در مالکیت سیم‌کارت‌های شما نیست")]
    public async Task A_bad_report_is_refused_beside_its_field_and_nothing_is_reported(string field, string value, string id, string message)
    {
        var owner = await SignedInSubscriber();
        var fields = new Dictionary<string, string>
        {
            ["Imei"] = Nokia, ["Kind"] = "Lost", ["LostOn"] = Today, ["Place"] = Place, ["PoliceReport"] = "",
        };
        fields[field] = value;

        var page = await owner.SubmitAsync("/devices/report-lost", fields);

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor(id), StringComparison.Ordinal);
        Assert.True(SaysRegistered(await InquiryAbout(Nokia)));
        Assert.Empty(await CasesOf(Nokia));
    }

    [Fact]
    public async Task A_report_posted_twice_opens_one_case()
    {
        var owner = await SignedInSubscriber();
        var form = await owner.GetAsync("/devices/report-lost");
        var fields = form.Document.QuerySelectorAll("main form[method=post] input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? string.Empty);
        fields["Imei"] = Nokia;
        fields["Kind"] = "Lost";
        fields["LostOn"] = Today;
        fields["Place"] = Place;

        var first = await AndWaitForMessages(() => owner.PostAsync("/devices/report-lost", fields));
        var second = await AndWaitForMessages(() => owner.PostAsync("/devices/report-lost", fields));

        Assert.Equal(first.Location, second.Location);
        Assert.Single(await CasesOf(Nokia));
        Assert.Single(await SmsTo(SampleMobile, SmsKind.Notice), sms => sms.Text.Contains("شماره پرونده", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_without_the_antiforgery_token_is_refused()
    {
        var owner = await SignedInSubscriber();

        var page = await owner.PostAsync("/devices/report-lost", new Dictionary<string, string>
        {
            ["Imei"] = Nokia, ["Kind"] = "Lost", ["LostOn"] = Today, ["Place"] = Place,
        });

        Assert.Equal(400, page.Status);
        Assert.True(SaysRegistered(await InquiryAbout(Nokia)));
    }

    [Fact]
    public async Task Staff_see_the_case_with_the_sims_that_used_the_device_after_the_report_and_mark_it_found()
    {
        var reportedAt = Clock.GetUtcNow();
        Assert.Equal(1, (await Sighting(Nokia, "09191112233", reportedAt.AddHours(-1))).Body.GetProperty("stored").GetInt32());
        var number = await ReportedCase(await SignedInSubscriber(), Nokia);
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await Sighting(Nokia, "09197654321", Clock.GetUtcNow().AddMinutes(-30))).Body.GetProperty("stored").GetInt32());
        var agent = await SignedInAgent();

        var list = await agent.GetAsync("/staff/lost-cases");
        var casePage = await agent.GetAsync($"/staff/lost-cases/{number}");

        Assert.Contains(Display.Digits(number!), list.Document.QuerySelector("#lost-cases")?.TextContent, StringComparison.Ordinal);
        var sightings = casePage.Document.QuerySelector("#sightings")?.TextContent;
        Assert.Contains("09197654321", sightings, StringComparison.Ordinal);
        Assert.DoesNotContain("09191112233", sightings, StringComparison.Ordinal);
        Assert.DoesNotContain("09197654321", await InquiryAbout(Nokia), StringComparison.Ordinal);

        var found = await AndWaitForMessages(() => agent.SubmitAsync($"/staff/lost-cases/{number}", new Dictionary<string, string>(), $"/staff/lost-cases/{number}?handler=Found"));

        Assert.Equal($"/staff/lost-cases/{number}", found.Location);
        Assert.Equal("Found", (await agent.GetAsync(found.Location!)).Document.QuerySelector("#status")?.GetAttribute("data-status"));
        Assert.True(SaysRegistered(await InquiryAbout(Nokia)));
        Assert.DoesNotContain(number, (await agent.GetAsync("/staff/lost-cases")).Html, StringComparison.Ordinal);
        Assert.Contains(number, (await agent.GetAsync("/staff/lost-cases?all=true")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_network_reports_the_demo_iphone_stolen_with_its_case_on_the_owners_device_list()
    {
        await AndWaitForMessages(async () =>
        {
            await using var scope = Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoNetworkSeeder>().SeedAsync(TestContext.Current.CancellationToken);
            return true;
        });
        var owner = await SignedInSubscriber(Stranger);

        Assert.Contains("مفقودی یا سرقتی گزارش شده", await InquiryAbout(DemoIphone), StringComparison.Ordinal);
        Assert.Contains("/devices/lost/", (await owner.GetAsync("/devices")).Html, StringComparison.Ordinal);
        Assert.Single(await CasesOf(DemoIphone));
    }

    [Fact]
    public async Task Subscribers_cannot_open_the_staff_case_pages()
    {
        var owner = await SignedInSubscriber();
        var number = await ReportedCase(owner, Nokia);

        var page = await owner.GetAsync($"/staff/lost-cases/{number}");

        Assert.Equal(302, page.Status);
        Assert.StartsWith("/staff/login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_case_number_is_not_found_for_staff_or_subscribers()
    {
        var agent = await SignedInAgent();
        var owner = await SignedInSubscriber();

        Assert.Equal(404, (await agent.GetAsync("/staff/lost-cases/999999")).Status);
        Assert.Equal(404, (await agent.GetAsync($"/staff/lost-cases/{new string('9', 3000)}")).Status);
        Assert.Equal(404, (await owner.GetAsync("/devices/lost/%3Cscript%3E")).Status);
    }
}
