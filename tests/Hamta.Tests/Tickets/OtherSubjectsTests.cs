using Hamta.Tests.Infrastructure;
using Hamta.Tickets.Contracts;

namespace Hamta.Tests.Tickets;

public sealed class OtherSubjectsTests(HamtaFixture fixture) : TicketTest(fixture)
{
    [Theory]
    [InlineData("IllegalDeviceWarning")]
    [InlineData("TransferWarning")]
    [InlineData("PreviousOwnerUnreachable")]
    [InlineData("ActivationCodeProblem")]
    [InlineData("TravellerRegistration")]
    public async Task A_subject_with_an_imei_goes_to_the_agents(string subject)
    {
        var browser = await SignedInSubscriber();

        var created = await AndWaitForMessages(() => browser.SubmitAsync($"/tickets/new/form?subject={subject}",
            new Dictionary<string, string> { ["Imei"] = "۴۹۰۱۵۴۲۰۳۲۳۷۵۱۸", ["Description"] = "شرح مشکل" }));

        var ticket = await Ask<TicketDetails?>(new GetTicket(NumberFrom(created), SampleNationalId));
        Assert.Equal(Enum.Parse<TicketSubject>(subject), ticket!.Subject);
        Assert.Equal(TicketStatus.Submitted, ticket.Status);
        Assert.Equal(UnregisteredOtherTac, ticket.Fields[TicketFields.Imei]);
    }

    [Fact]
    public async Task The_repair_subject_asks_for_both_imeis_and_checks_them()
    {
        var browser = await SignedInSubscriber();

        var refused = await browser.SubmitAsync("/tickets/new/form?subject=RepairImeiChanged",
            new Dictionary<string, string> { ["Imei"] = Nokia, ["NewImei"] = "353325101234568", ["Description"] = "تعمیر" });

        Assert.Contains("رقم کنترلی", refused.ErrorFor("newimei"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_expired_sim_subject_asks_for_the_old_number()
    {
        var browser = await SignedInSubscriber();

        var refused = await browser.SubmitAsync("/tickets/new/form?subject=ExpiredSimDevices",
            new Dictionary<string, string> { ["Imei"] = Nokia, ["OldSim"] = "12345", ["Description"] = "سیم‌کارت قبلی منقضی شد" });
        Assert.Contains("معتبر نیست", refused.ErrorFor("oldsim"), StringComparison.Ordinal);

        var created = await AndWaitForMessages(() => browser.SubmitAsync("/tickets/new/form?subject=ExpiredSimDevices",
            new Dictionary<string, string> { ["Imei"] = Nokia, ["OldSim"] = "+98 912 000 1111", ["Description"] = "سیم‌کارت قبلی منقضی شد" }));
        var ticket = await Ask<TicketDetails?>(new GetTicket(NumberFrom(created), SampleNationalId));
        Assert.Equal("09120001111", ticket!.Fields[TicketFields.OldSim]);
        Assert.NotNull(ticket.Device);
    }

    [Fact]
    public async Task The_other_subject_needs_only_a_description()
    {
        var browser = await SignedInSubscriber();

        var created = await AndWaitForMessages(() => browser.SubmitAsync("/tickets/new/form?subject=Other",
            new Dictionary<string, string> { ["Description"] = "پرسشی درباره سامانه" }));

        Assert.StartsWith("/tickets/", created.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_posts_of_one_subscriber_are_rate_limited()
    {
        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)Host.Services.GetService(typeof(Microsoft.Extensions.Configuration.IConfiguration))!;
        configuration[Hamta.Host.Identity.IdentityRegistration.SubscriberPostsKey] = "30";
        try
        {
            await PostsBeyondTheLimit();
        }
        finally
        {
            configuration[Hamta.Host.Identity.IdentityRegistration.SubscriberPostsKey] = "100000";
        }
    }

    private async Task PostsBeyondTheLimit()
    {
        var browser = await SignedInSubscriber();
        var statuses = new List<int>();
        for (var i = 0; i < 31; i++)
        {
            statuses.Add((await browser.SubmitAsync("/tickets/new/form?subject=Other", new Dictionary<string, string> { ["Description"] = "" })).Status);
        }

        Assert.All(statuses.Take(30), status => Assert.Equal(200, status));
        Assert.Equal(429, statuses[^1]);
    }
}
