using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Hamta.Kernel.Notifications;
using Hamta.Testing;
using Microsoft.Playwright;
using Wolverine.Tracking;

namespace Hamta.Browser.Tests.Infrastructure;

/// <summary>
/// A journey in the browser. Every test starts from the demo world; <see cref="LookAt"/> checks a page
/// as its users meet it (Persian font, right to left, nothing wider than the screen, no serious
/// accessibility violation, no request to another host, nothing the content security policy refuses) and keeps a screenshot of it.
/// </summary>
public abstract partial class BrowserTest(PortalInBrowser portal) : IAsyncLifetime
{
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(30);

    private readonly List<IBrowserContext> contexts = [];
    private readonly Dictionary<IPage, Screen> screens = [];
    private readonly ConcurrentQueue<string> outsideRequests = new();
    private readonly ConcurrentQueue<string> policyViolations = new();

    protected PortalInBrowser Portal => portal;

    public ValueTask InitializeAsync() => new(portal.ResetAsync());

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A new browser (no cookies) showing the portal on the given screen.</summary>
    protected async Task<IPage> NewBrowser(Screen screen)
    {
        var context = await portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.Address.ToString(),
            ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
            IsMobile = screen.IsPhone,
            HasTouch = screen.IsPhone,
            Locale = "fa-IR",
            TimezoneId = "Asia/Tehran",
        });
        context.SetDefaultTimeout(20_000);
        context.Request += (_, request) =>
        {
            if (!IsThePortal(request.Url))
            {
                outsideRequests.Enqueue(request.Url);
            }
        };
        contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                policyViolations.Enqueue(message.Text);
            }
        };
        screens[page] = screen;
        return page;
    }

    /// <summary>Does something in the browser and waits until every message it caused (an SMS, a correction) has been handled.</summary>
    protected Task AndWaitForMessages(Func<Task> step) => portal.Host.ExecuteAndWaitAsync(step, (int)MessageTimeout.TotalMilliseconds);

    /// <summary>Clicks a button that posts a form and waits for the page that answers and for every message the post caused.</summary>
    protected Task Submit(IPage page, ILocator button) =>
        AndWaitForMessages(() => NextPage(page, () => button.ClickAsync()));

    /// <summary>
    /// Does something that leaves the page (a link, a form) and waits until the next page has loaded, asked of the page
    /// itself: the driver's own record of load events once missed one and waited out its timeout on a loaded page.
    /// </summary>
    protected static async Task NextPage(IPage page, Func<Task> step)
    {
        await page.EvaluateAsync("() => { window.hamtaPreviousPage = true; }");
        await step();
        await page.WaitForFunctionAsync("() => window.hamtaPreviousPage === undefined && document.readyState === 'complete'");
    }

    /// <summary>Follows a link to the next page.</summary>
    protected static Task Follow(ILocator link) => NextPage(link.Page, () => link.ClickAsync());

    protected static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    protected static ILocator Link(IPage page, string name) =>
        page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = name, Exact = true });

    /// <summary>The value a description list gives beside a label («وضعیت» → «رفع شده»), found as a reader finds it.</summary>
    protected static ILocator ValueBeside(IPage page, string label) =>
        page.GetByRole(AriaRole.Term).Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^{Regex.Escape(label)}$") })
            .Locator("xpath=following-sibling::dd[1]");

    protected Task<string> LastCodeSentTo(string mobile) => TestHost.LoginCodeSentTo(portal.Services, mobile);

    protected async Task<IReadOnlyList<string>> NoticesTo(string mobile) =>
        (await TestHost.SmsTo(portal.Services, mobile, SmsKind.Notice)).Select(x => x.Text).ToList();

    /// <summary>Signs a subscriber in as they do: mobile number, then the code from the SMS.</summary>
    protected async Task<IPage> SignedInSubscriber(Screen screen, string mobile = SampleMobile)
    {
        var page = await NewBrowser(screen);
        await page.GotoAsync("/login");
        await page.GetByLabel("شماره تلفن همراه").FillAsync(mobile);
        await Submit(page, Button(page, "دریافت کد ورود"));
        await page.GetByLabel("کد تأیید").FillAsync(await LastCodeSentTo(mobile));
        await Submit(page, Button(page, "ورود"));
        Assert.Equal(new Uri(portal.Address, "/"), new Uri(page.Url));
        return page;
    }

    /// <summary>Signs a staff member in at the staff login.</summary>
    protected async Task<IPage> SignedInStaff(Screen screen, string username = "agent", string password = DemoPasswords.Agent)
    {
        var page = await NewBrowser(screen);
        await page.GotoAsync("/staff/login");
        await page.GetByLabel("نام کاربری").FillAsync(username);
        await page.GetByLabel("گذرواژه").FillAsync(password);
        await Submit(page, Button(page, "ورود"));
        Assert.Equal(new Uri(portal.Address, "/staff"), new Uri(page.Url));
        return page;
    }

    /// <summary>Files the seed's ticket straight from its form: the Samsung's second IMEI is …825, not …817.</summary>
    protected async Task<string> FileSeedTicket(IPage page)
    {
        await page.GotoAsync("/tickets/new/form?subject=ImeiMismatch");
        var correct = page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { NameRegex = CorrectImeisGroup() });
        await correct.GetByLabel("شناسه اول (شکاف ۱)").FillAsync(Samsung);
        await correct.GetByLabel("شناسه دوم (شکاف ۲)").FillAsync(SamsungRealSecondImei);
        var registered = page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "IMEI ثبت شده در همتا" });
        await registered.GetByLabel("شناسه اول (شکاف ۱)").FillAsync(Samsung);
        await registered.GetByLabel("شناسه دوم (شکاف ۲)").FillAsync(SamsungSecondImei);
        await page.GetByLabel("شرح درخواست").FillAsync("شناسه دوم گوشی در همتا اشتباه ثبت شده است.");
        await Submit(page, Button(page, "ثبت"));
        return TicketNumberInUrl().Match(page.Url).Groups[1].Value;
    }

    /// <summary>Opens a side-menu item the way the screen allows: through the menu button on a phone, directly on a desktop.</summary>
    protected async Task OpenFromMenu(IPage page, string item)
    {
        var menu = page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "منو", Exact = true });
        if (screens[page].IsPhone)
        {
            await Assertions.Expect(menu).ToBeHiddenAsync();
            await Button(page, "باز کردن منو").ClickAsync();
        }
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Follow(menu.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = item, Exact = true }));
    }

    /// <summary>Checks the page as its users meet it and keeps a screenshot named after it.</summary>
    protected async Task LookAt(IPage page, string name)
    {
        var screen = screens[page];
        await page.EvaluateAsync("() => document.fonts.ready");
        var look = await page.EvaluateAsync<PageLook>(PageLook.Script);

        Assert.True(look.Direction == "rtl" && look.Language == "fa", $"{name}: the page is not Persian right to left (lang={look.Language}, dir={look.Direction}).");
        Assert.True(look.PersianFontLoaded && look.BodyFont.StartsWith("Vazirmatn", StringComparison.Ordinal),
            $"{name}: the text is not set in the portal's Vazirmatn font (body font: {look.BodyFont}).");
        Assert.True(look.Overflow <= 0, $"{name} on the {screen.Name}: the page is {look.Overflow}px wider than the screen; widest: {look.Widest}");
        Assert.True(look.Latin.Length == 0, $"{name}: English left in the page: {string.Join(", ", look.Latin)}");
        Assert.True(look.MisshownNumbers.Length == 0, $"{name}: numbers not shown as ADR 28 says: {string.Join(" | ", look.MisshownNumbers)}");
        Assert.True(look.Unlabelled.Length == 0, $"{name}: fields without a visible label: {string.Join(", ", look.Unlabelled)}");
        Assert.True(look.NumericWithoutKeypad.Length == 0,
            $"{name}: digit fields without inputmode=\"numeric\" and dir=\"ltr\": {string.Join(", ", look.NumericWithoutKeypad)}");

        var axe = await page.RunAxe();
        var serious = axe.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{name} on the {screen.Name}: accessibility violations:\n{string.Join('\n', serious)}");

        Assert.True(outsideRequests.IsEmpty, $"{name}: the page asked another host for {string.Join(", ", outsideRequests)}");
        Assert.True(policyViolations.IsEmpty, $"{name}: the content security policy refused: {string.Join(" | ", policyViolations)}");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf(name, screen), FullPage = true });
    }

    /// <summary>Requests the page made to any host but the portal.</summary>
    protected IReadOnlyCollection<string> OutsideRequests => outsideRequests;

    private bool IsThePortal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" || (uri.Host == portal.Address.Host && uri.Port == portal.Address.Port);
    }

    /// <summary>The fieldset «IMEI درست گوشی (شماره‌گیری *#06#)», whose dial code is isolated left to right.</summary>
    [GeneratedRegex("^IMEI درست گوشی")]
    protected static partial Regex CorrectImeisGroup();

    [GeneratedRegex(@"/tickets/(\d+)")]
    protected static partial Regex TicketNumberInUrl();
}
