using Hamta.Host.Api;
using Hamta.Testing;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Security;

/// <summary>Inputs a probe of the portal answered with a 500 or a dropped connection: each now gets a plain answer.</summary>
public sealed class BadInputTests(HamtaFixture fixture) : DeskTest(fixture)
{
    [Theory]
    [InlineData("/tickets?before=1")]
    [InlineData("/tickets?after=999999999")]
    public async Task An_empty_page_of_my_tickets_says_so_and_links_nowhere(string url)
    {
        var browser = await SignedInSubscriber();
        await FileTicket();

        var page = await browser.GetAsync(url);

        Assert.Equal(200, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("nav .page-link[href]"));
    }

    [Theory]
    [InlineData("/staff/tickets?q=0912%00123")]
    [InlineData("/staff/history?kind=Imei&key=3569%00")]
    [InlineData("/staff/history?kind=Sim&key=%01%02%7F%ED%A0%80")]
    public async Task Control_characters_in_a_staff_search_are_dropped(string url)
    {
        var browser = await SignedInAdmin();

        var page = await browser.GetAsync(url);

        Assert.Equal(200, page.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("99")]
    [InlineData("1000")]
    [InlineData("-5")]
    [InlineData("2147483647")]
    [InlineData("500")]
    public async Task The_error_page_opened_directly_keeps_its_own_status_whatever_the_query_says(string code)
    {
        var page = await NewBrowser().GetAsync($"/error?code={code}");

        Assert.Equal(200, page.Status);
        Assert.Contains("خطا", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_page_still_gets_the_persian_not_found_page()
    {
        var browser = await SignedInSubscriber();

        var page = await browser.GetAsync("/no-such-page");

        Assert.Equal(404, page.Status);
        Assert.Contains("پیدا نشد", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Null_nul_and_flooded_operator_records_are_each_refused_and_the_rest_stored()
    {
        var body = $$"""
            {"observations":[null,
             {"imei":"35693803564\u00003809","imsi":"432111234567890","msisdn":"09121234567","observedAt":"2026-11-24T08:30:00Z"},
             {"imei":"{{new string('3', 1_000_000)}}","imsi":"432111234567890","msisdn":"09121234567","observedAt":"2026-11-24T08:30:00Z"},
             {"imei":"356938035643817","imsi":"{{new string('4', 70)}}","msisdn":"09121234567","observedAt":"2026-11-24T08:30:00Z"},
             {"imei":"356938035643825","imsi":"432111234567890","msisdn":"09121234567","observedAt":"2026-11-24T08:30:00Z"}]}
            """;

        var (status, json, _) = await MachineApi.PostAsync(Host, OperatorApi.Path, OperatorApi.KeyHeader, TestHost.OperatorKey, null, raw: body);

        Assert.Equal(200, status);
        Assert.Equal(["EmptyRecord", "InvalidImei", "InvalidImei", "InvalidImsi", "Stored"],
            json.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToArray());
        Assert.Equal(1, json.GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task A_staff_sign_in_returns_to_a_persian_address_percent_encoded()
    {
        var page = await NewBrowser().SubmitAsync("/staff/login", new Dictionary<string, string>
        {
            ["username"] = "agent", ["password"] = DemoPasswords.Agent, ["returnUrl"] = "/staff/tickets?q=سلام",
        });

        Assert.Equal(302, page.Status);
        Assert.Equal("/staff/tickets?q=%D8%B3%D9%84%D8%A7%D9%85", page.Location);
    }
}
