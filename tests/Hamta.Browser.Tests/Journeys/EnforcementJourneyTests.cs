using System.Net.Http.Json;
using Hamta.Browser.Tests.Infrastructure;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Text;
using Hamta.Testing;
using Microsoft.Playwright;
using Wolverine.Tracking;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>
/// The seed's case as the network meets it: the importer typed the Samsung's second IMEI wrongly (…817), so the phone
/// is seen with an unregistered …825 whenever the SIM sits in slot 2. The warning leads the subscriber to the mismatch
/// ticket; the network sees both IMEIs, the ticket is resolved, and the warning is lifted everywhere it was shown.
/// </summary>
public sealed class EnforcementJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    private const string Samsung = "356938035643809";
    private const string WrongSecondImei = "356938035643817";
    private const string RealSecondImei = "356938035643825";
    private const string SecondUserSim = "09351234567";
    private const string MismatchForm = "/tickets/new/form?subject=ImeiMismatch&imei=" + Samsung;
    private const string Warnings = "هشدارهای شبکه برای گوشی‌هایی که با این سیم‌کارت استفاده شده‌اند";
    private const string MismatchTicket = "ثبت درخواست «شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد» برای این دستگاه";

    private sealed record ListRow(string Imei);

    private sealed record Delta(long Version, IReadOnlyList<ListRow> Removes, IReadOnlyList<ListRow> Adds);

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task The_warning_for_the_wrong_second_imei_leads_to_the_ticket_whose_resolution_lifts_it(string screenName)
    {
        var screen = Screen.Named(screenName);
        var network = await NewBrowser(screen);
        await SeenOnNetwork(network, ("353325101234569", SampleMobile), ("867543041122335", SecondUserSim), ("867543041122343", SecondUserSim),
            (RealSecondImei, SampleMobile));
        await Portal.Host.InvokeMessageAndWaitAsync(new ClassifyImeis("daily"), 30_000);
        var deadline = Display.Date(Portal.Clock.GetUtcNow().AddDays(30));
        var warned = await NotificationDelta(since: 0);
        Assert.Contains(warned.Adds, row => row.Imei == RealSecondImei);

        Portal.Clock.Advance(TimeSpan.FromHours(2));
        var subscriber = await SignedInSubscriber(screen);
        await OpenFromMenu(subscriber, "مدیریت دستگاه ها");
        var warnings = subscriber.GetByRole(AriaRole.Region, new() { Name = Warnings });
        await Expect(warnings).ToContainTextAsync(RealSecondImei);
        await Expect(warnings).ToContainTextAsync($"مهلت رفع مشکل تا {deadline}");
        await Expect(warnings.GetByRole(AriaRole.Link, new() { Name = MismatchTicket, Exact = true })).ToHaveAttributeAsync("href", MismatchForm);
        await LookAt(subscriber, "devices-warning");

        await subscriber.GotoAsync("/messages");
        var warning = subscriber.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"شناسه دستگاه (IMEI) {Display.Identifier(RealSecondImei)} در شبکه رؤیت شد" });
        await Expect(warning).ToContainTextAsync($"اگر تا {deadline} رفع نشود");
        await Expect(warning).ToContainTextAsync("«شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد»");
        await LookAt(subscriber, "messages-warning");

        await Follow(warning.GetByRole(AriaRole.Link, new() { Name = MismatchForm, Exact = true }));
        var registered = subscriber.GetByRole(AriaRole.Group, new() { Name = "IMEI ثبت شده در همتا" });
        await Expect(registered.GetByLabel("شناسه اول (شکاف ۱)")).ToHaveValueAsync(Samsung);
        await Expect(registered.GetByLabel("شناسه دوم (شکاف ۲)")).ToHaveValueAsync(WrongSecondImei);
        var correct = subscriber.GetByRole(AriaRole.Group, new() { NameRegex = CorrectImeisGroup() });
        await correct.GetByLabel("شناسه اول (شکاف ۱)").FillAsync(Samsung);
        await correct.GetByLabel("شناسه دوم (شکاف ۲)").FillAsync(RealSecondImei);
        await subscriber.GetByLabel("شرح درخواست").FillAsync("پیامک هشدار گرفتم؛ شناسه دوم گوشی در همتا اشتباه ثبت شده است.");
        await LookAt(subscriber, "ticket-form-from-warning");
        await Submit(subscriber, Button(subscriber, "ثبت"));
        await Expect(ValueBeside(subscriber, "وضعیت")).ToHaveTextAsync("در انتظار رؤیت در شبکه");

        await SeenOnNetwork(network, (Samsung, SampleMobile), (RealSecondImei, SampleMobile));
        await subscriber.ReloadAsync();
        await Expect(ValueBeside(subscriber, "وضعیت")).ToHaveTextAsync("رفع شده");

        await OpenFromMenu(subscriber, "مدیریت دستگاه ها");
        await Expect(subscriber.GetByRole(AriaRole.Region, new() { Name = Warnings })).ToHaveCountAsync(0);
        var samsung = subscriber.GetByRole(AriaRole.Row).Filter(new() { HasText = "Samsung Galaxy A54" });
        await Expect(samsung).ToContainTextAsync(RealSecondImei);
        await Expect(samsung).Not.ToContainTextAsync("مهلت رفع مشکل");
        await LookAt(subscriber, "devices-warning-lifted");

        await subscriber.GotoAsync("/messages");
        await Expect(subscriber.GetByRole(AriaRole.Listitem).Filter(new() { HasText = $"هشدار شناسه دستگاه (IMEI) {Display.Identifier(RealSecondImei)}" }))
            .ToContainTextAsync("رفع شد و ارتباط این گوشی با شبکه قطع نمی‌شود");
        await LookAt(subscriber, "messages-warning-lifted");

        var lifted = await NotificationDelta(since: warned.Version);
        Assert.Contains(lifted.Removes, row => row.Imei == RealSecondImei);
        Assert.DoesNotContain(lifted.Adds, row => row.Imei == RealSecondImei);
    }

    /// <summary>The operator's network reports each phone switched on with a SIM, through the development page.</summary>
    private async Task SeenOnNetwork(IPage network, params (string Imei, string Sim)[] sightings)
    {
        foreach (var (imei, sim) in sightings)
        {
            await network.GotoAsync("/dev/attach");
            await network.GetByLabel("شناسه دستگاه (IMEI)").FillAsync(imei);
            await network.GetByLabel("شماره سیم‌کارت").FillAsync(sim);
            await Submit(network, Button(network, "ثبت رؤیت"));
            await Expect(network.GetByRole(AriaRole.Status)).ToHaveTextAsync("رؤیت ثبت شد.");
        }
    }

    /// <summary>The operator's EIR asks for the changes of its notification list since the version it has.</summary>
    private async Task<Delta> NotificationDelta(long since)
    {
        using var eir = new HttpClient { BaseAddress = Portal.Address };
        eir.DefaultRequestHeaders.Add("X-Api-Key", TestHost.OperatorKey);
        return (await eir.GetFromJsonAsync<Delta>($"/api/operator/lists/notification/delta?since={since}"))!;
    }
}
