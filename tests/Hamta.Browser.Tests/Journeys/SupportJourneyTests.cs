using Hamta.Browser.Tests.Infrastructure;
using Hamta.Kernel.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>Choosing a subject with help, an agent's answer, and the ticket the network resolves by itself.</summary>
public sealed class SupportJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_questionnaire_leads_a_subscriber_to_the_right_subject_and_its_form()
    {
        var page = await SignedInSubscriber(Screen.Phone);
        await OpenFromMenu(page, "ثبت و پیگیری مشکلات");
        await Follow(Link(page, "ایجاد"));

        await page.GetByRole(AriaRole.Heading, new() { Name = "کمک در انتخاب مشکل" }).ScrollIntoViewIfNeededAsync();
        await Answer(page, "کدام پیامک را از همتا دریافت کرده‌اید؟", "هیچ پیامکی");
        await Answer(page, "آیا دستگاه را دست‌دوم خریده‌اید؟", "خیر");
        await Answer(page, "آیا دستگاه تعمیر شده است؟", "بله");
        await Follow(Button(page, "پیشنهاد موضوع"));

        const string suggested = "شناسه دستگاه پس از تعمیر تغییر کرده است";
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"موضوع پیشنهادی: {suggested}");
        await LookAt(page, "ticket-help");

        await Follow(Link(page, "انتخاب این موضوع"));
        await Expect(page.GetByLabel("موضوع", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(suggested);
        await Follow(Button(page, "مرحله بعد"));
        await Expect(page.GetByText(suggested, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("IMEI پس از تعمیر")).ToBeVisibleAsync();
        await LookAt(page, "ticket-form-repair");
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task An_agent_answers_at_the_desk_and_the_subscriber_reads_the_answer(string screenName)
    {
        var screen = Screen.Named(screenName);
        var subscriber = await SignedInSubscriber(screen);
        var number = await FileSeedTicket(subscriber);

        var agent = await SignedInStaff(screen);
        await LookAt(agent, "staff");
        await Follow(Link(agent, "تیکت‌های پشتیبانی"));
        await LookAt(agent, "staff-tickets");
        await Follow(Link(agent, Display.Digits(number)));
        await Submit(agent, Button(agent, "ارجاع به من"));
        const string answer = "سلام؛ پس از روشن کردن گوشی با هر دو سیم‌کارت، شناسه خودکار اصلاح می‌شود.";
        await agent.GetByLabel("متن پاسخ، یادداشت، درخواست، پیام رفع یا دلیل رد").FillAsync(answer);
        await Submit(agent, Button(agent, "پاسخ"));
        await Expect(agent.GetByRole(AriaRole.Status)).ToHaveTextAsync("پاسخ شما ثبت و به مشترک پیامک شد.");
        await LookAt(agent, "staff-ticket");

        await subscriber.ReloadAsync();
        var reply = subscriber.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "پاسخ کارشناس" });
        await Expect(reply).ToContainTextAsync(answer);
        await Expect(reply).ToContainTextAsync("کارشناس همتا");
        Assert.Contains(await NoticesTo(SampleMobile), text => text.Contains(number, StringComparison.Ordinal));
        await LookAt(subscriber, "ticket-answered");
    }

    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task The_subscriber_sees_the_ticket_resolved_once_the_network_has_seen_the_phone_with_both_imeis(string screenName)
    {
        var screen = Screen.Named(screenName);
        var subscriber = await SignedInSubscriber(screen);
        var number = await FileSeedTicket(subscriber);
        const string notSeenYet = "شبکه هنوز گوشی شما را با IMEI";
        await Expect(subscriber.GetByRole(AriaRole.Status).Filter(new() { HasText = notSeenYet })).ToContainTextAsync(SamsungRealSecondImei);

        var network = await NewBrowser(screen);
        foreach (var imei in new[] { Samsung, SamsungRealSecondImei })
        {
            await network.GotoAsync("/dev/attach");
            await network.GetByLabel("شناسه دستگاه (IMEI)").FillAsync(imei);
            await network.GetByLabel("شماره سیم‌کارت").FillAsync(SampleMobile);
            await Submit(network, Button(network, "ثبت رؤیت"));
            await Expect(network.GetByRole(AriaRole.Status)).ToHaveTextAsync("رؤیت ثبت شد.");
        }
        await LookAt(network, "dev-attach");

        await subscriber.ReloadAsync();
        await Expect(ValueBeside(subscriber, "وضعیت")).ToHaveTextAsync("رفع شده");
        await Expect(subscriber.GetByText(notSeenYet)).ToHaveCountAsync(0);
        await LookAt(subscriber, "ticket-resolved");

        await OpenFromMenu(subscriber, "مدیریت دستگاه ها");
        var samsung = subscriber.GetByRole(AriaRole.Row).Filter(new() { HasText = "Samsung Galaxy A54" });
        await Expect(samsung).ToContainTextAsync(SamsungRealSecondImei);
        await Expect(samsung).Not.ToContainTextAsync(SamsungSecondImei);

        await OpenFromMenu(subscriber, "ثبت و پیگیری مشکلات");
        await Expect(subscriber.GetByRole(AriaRole.Row).Filter(new() { Has = Link(subscriber, Display.Digits(number)) })).ToContainTextAsync("رفع شده");
    }

    private static Task Answer(IPage page, string question, string answer) =>
        page.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
}
