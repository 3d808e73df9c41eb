using Hamta.Browser.Tests.Infrastructure;
using Hamta.Sim.Contracts;
using Hamta.Testing;
using Hamta.Tickets.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wolverine;
using static Microsoft.Playwright.Assertions;

namespace Hamta.Browser.Tests.Journeys;

/// <summary>An agent reads the desk's statistics: each chart drawn by the portal's own Chart.js, right to left, with its table beside it.</summary>
public sealed class StatisticsJourneyTests(PortalInBrowser portal) : BrowserTest(portal)
{
    [Theory]
    [InlineData(Screen.PhoneName)]
    [InlineData(Screen.DesktopName)]
    public async Task An_agent_reads_the_statistics_as_charts_and_tables(string screenName)
    {
        var subscriber = await SignedInSubscriber(Screen.Named(screenName));
        await FileSeedTicket(subscriber);
        await using var scope = Portal.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await AndWaitForMessages(() => bus.InvokeAsync<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [new AttachObservationRecord(Samsung, "432119121234567", SampleMobile, Portal.Clock.GetUtcNow())])));
        await AndWaitForMessages(() => bus.InvokeAsync(new RefreshTicketStatistics()));
        await AndWaitForMessages(() => bus.InvokeAsync(new CountSightings()));

        var agent = await SignedInStaff(Screen.Named(screenName));
        await Follow(agent.GetByRole(AriaRole.Navigation, new() { Name = "منوی کارشناسان" }).GetByRole(AriaRole.Link, new() { Name = "آمار" }));
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("آمار");

        foreach (var chart in new[] { "chart-flow", "chart-resolution", "chart-backlog", "chart-sightings" })
        {
            await agent.WaitForFunctionAsync($"() => window.Chart && Chart.getChart(document.getElementById('{chart}')) !== undefined");
            await Expect(agent.Locator($"#{chart}")).ToBeVisibleAsync();
            Assert.True(await agent.EvaluateAsync<bool>($"() => document.getElementById('{chart}').getBoundingClientRect().height > 100"), $"{chart} is not drawn.");
        }

        var flow = agent.GetByRole(AriaRole.Table, new() { Name = "تیکت‌های ثبت‌شده و بسته‌شده در هر روز" });
        await flow.ScrollIntoViewIfNeededAsync();
        await Expect(flow).ToBeVisibleAsync();
        await Expect(flow.GetByRole(AriaRole.Row).Last).ToContainTextAsync("۱");
        await Expect(agent.GetByRole(AriaRole.Table, new() { Name = "رؤیت‌های هر اپراتور به تفکیک روز رؤیت" })).ToBeVisibleAsync();
        Assert.True(await agent.EvaluateAsync<bool>("() => Chart.getChart(document.getElementById('chart-flow')).options.scales.x.reverse"));
        await LookAt(agent, "staff-statistics");
    }
}
