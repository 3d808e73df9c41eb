using Hamta.Kernel.Text;
using System.Text.RegularExpressions;
using Hamta.Enforcement.Contracts;
using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Enforcement;

/// <summary>
/// The seed's case end to end: the importer typed the Samsung's second IMEI wrongly (…817), so the network sees an
/// unregistered …825 whenever the SIM sits in slot 2; the warning points to the mismatch ticket, whose correction lifts it.
/// </summary>
public sealed partial class SeedJourneyTests(HamtaFixture fixture) : EnforcementTest(fixture)
{
    private const string RealSecondImei = SamsungRealSecondImei;

    [Fact]
    public async Task The_warning_for_the_wrong_second_imei_leads_to_the_ticket_whose_correction_lifts_it()
    {
        await See(Nokia, SampleMobile, TimeSpan.FromDays(2));
        await See(Xiaomi, SecondUserSim, TimeSpan.FromDays(2));
        await See(XiaomiSecondImei, SecondUserSim, TimeSpan.FromDays(2));
        await See(RealSecondImei, SampleMobile, TimeSpan.FromHours(1));

        await Classify();

        var warning = Assert.Single(await EnforcementSmsTo(SampleMobile));
        var deadline = Assert.Single(await StatesOf(RealSecondImei)).Deadline;
        Assert.Contains(Display.Date(deadline), warning, StringComparison.Ordinal);
        Assert.Contains("شناسه دستگاه (IMEI) من با شناسه دستگاه ثبت شده در همتا تطابق ندارد", warning, StringComparison.Ordinal);
        var link = TicketLink().Match(warning).Value;
        Assert.Equal("/tickets/new/form?subject=ImeiMismatch&imei=" + Samsung, link);

        var subscriber = await SignedInSubscriber();
        var devices = await subscriber.GetAsync("/devices");
        var simWarnings = devices.Document.QuerySelector("#sim-warnings")!;
        Assert.Contains(RealSecondImei, simWarnings.TextContent, StringComparison.Ordinal);
        Assert.NotNull(simWarnings.QuerySelector($"a[href='{link}']"));

        var form = await subscriber.GetAsync(link);
        Assert.Equal(SamsungSecondImei, form.Document.QuerySelector("input[name=RegisteredImei2]")!.GetAttribute("value"));
        var filed = await AndWaitForMessages(() => subscriber.SubmitAsync(link, new Dictionary<string, string>
        {
            ["CorrectImei1"] = Samsung,
            ["CorrectImei2"] = RealSecondImei,
            ["RegisteredImei1"] = Samsung,
            ["RegisteredImei2"] = SamsungSecondImei,
            ["Description"] = "پیامک هشدار گرفتم؛ شناسه دوم اشتباه ثبت شده است.",
        }));
        var number = long.Parse(filed.Location!.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);

        await See(Samsung, SampleMobile, TimeSpan.Zero);

        Assert.Equal(TicketStatus.Resolved, (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status);
        Assert.Empty(await StatesOf(RealSecondImei));
        Assert.Contains(await EnforcementSmsTo(SampleMobile), sms => sms.Contains(RealSecondImei, StringComparison.Ordinal) && sms.Contains("رفع شد", StringComparison.Ordinal));
        Assert.Contains(await Ask<IReadOnlyList<ClassificationRun>>(new FindClassificationRuns(50)), r => r is { Cause: "correction", Lifted: 1 });
    }

    [GeneratedRegex(@"/tickets/new/form\?[^\s\u2069]+")]
    private static partial Regex TicketLink();
}
