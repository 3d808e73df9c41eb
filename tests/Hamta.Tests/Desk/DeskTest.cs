using Hamta.Testing;
using System.Globalization;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Desk;

/// <summary>The agents' desk in steps a test can call: sign staff in, file tickets, open one and act on it.</summary>
public abstract class DeskTest(HamtaFixture fixture) : LoginTest(fixture)
{

    protected static readonly TicketDevice GalaxyA54 = new(Guid.NewGuid(), [Samsung, SamsungSecondImei], "Galaxy A54");

    protected async Task<PortalClient> SignedInStaff(string username = "agent", string password = DemoPasswords.Agent)
    {
        var browser = NewBrowser();
        var page = await browser.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password });
        Assert.Equal("/staff", page.Location);
        return browser;
    }

    protected Task<PortalClient> SignedInAdmin() => SignedInStaff("admin", DemoPasswords.Admin);

    /// <summary>A subscriber files a ticket through the bus, as the subscriber's pages do; the opening SMS is sent before this returns.</summary>
    protected async Task<long> FileTicket(
        TicketSubject subject = TicketSubject.Other, string mobile = SampleMobile, string description = "شرح مشکل", string? imei = null)
    {
        var fields = imei is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [TicketFields.Imei] = imei };
        var opened = await AndWaitForMessages(() =>
            Ask<OpenTicketResult>(new OpenTicket(subject, mobile, SampleNationalId, null, [], fields, description)));
        Assert.Equal(OpenTicketOutcome.Opened, opened.Outcome);
        return opened.Number;
    }

    protected async Task<long> FileImeiMismatch()
    {
        var opened = await AndWaitForMessages(() => Ask<OpenTicketResult>(new OpenTicket(
            TicketSubject.ImeiMismatch, SampleMobile, SampleNationalId, GalaxyA54, [Samsung, SamsungRealSecondImei],
            new Dictionary<string, string>(), "شناسه دوم گوشی با همتا یکی نیست")));
        Assert.Equal(OpenTicketOutcome.Opened, opened.Outcome);
        return opened.Number;
    }

    /// <summary>The ticket as staff see it through the contract.</summary>
    protected async Task<TicketDetails> Details(long number) =>
        await Ask<TicketDetails?>(new GetTicket(number, NationalId: null)) ?? throw new InvalidOperationException($"No ticket {number}.");

    /// <summary>An agent acts through the bus (to set a scene quickly), from the ticket's current version.</summary>
    protected async Task ActByBus(long number, TicketAction action, string? text = null, string agent = "agent")
    {
        var version = (await Details(number)).Version;
        var result = await AndWaitForMessages(() => Ask<TicketActionResult>(
            new ActOnTicket(number, action, new TicketActor(TicketActorKind.Agent, agent), text, version)));
        Assert.Equal(TicketActionOutcome.Done, result.Outcome);
    }

    protected static Task<PortalPage> TicketPage(PortalClient browser, long number) => browser.GetAsync($"/staff/tickets/{number}");

    /// <summary>
    /// Presses one of the page's buttons as a browser would: posts to the button's handler with the
    /// page's antiforgery token and the version the page showed.
    /// </summary>
    protected static Task<PortalPage> Press(PortalClient browser, PortalPage page, long number, string handler, string? text = null)
    {
        var button = page.Document.QuerySelector($"button[formaction='/staff/tickets/{number}?handler={handler}']");
        Assert.NotNull(button);
        var form = button.Closest("form")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["version"] = form.QuerySelector("input[name=version]")!.GetAttribute("value")!,
        };
        if (text is not null)
        {
            fields["text"] = text;
        }

        return browser.PostAsync($"/staff/tickets/{number}?handler={handler}", fields);
    }

    protected static async Task<PortalPage> OpenAndPress(PortalClient browser, long number, string handler, string? text = null) =>
        await Press(browser, await TicketPage(browser, number), number, handler, text);

    protected static IReadOnlyList<long> Numbers(PortalPage queue) =>
        queue.Document.QuerySelectorAll("#staff-tickets tbody tr[data-number]")
            .Select(x => long.Parse(x.GetAttribute("data-number")!, CultureInfo.InvariantCulture)).ToList();

    protected static string Invariant(long number) => number.ToString(CultureInfo.InvariantCulture);

    protected static string Persian(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));
}
