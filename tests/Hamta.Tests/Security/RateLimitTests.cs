using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;

namespace Hamta.Tests.Security;

public sealed class RateLimitTests(HamtaFixture fixture) : LoginTest(fixture)
{
    [Fact]
    public async Task A_refused_request_says_when_to_retry_in_persian_and_in_its_headers()
    {
        var browser = NewBrowser();
        PortalPage page;
        var sent = 0;
        do
        {
            page = await browser.GetAsync($"/inquiry?imei={Samsung}");
            sent++;
        }
        while (page.Status != 429 && sent < 100);

        Assert.Equal(429, page.Status);
        Assert.Equal(31, sent);
        Assert.True(int.TryParse(page.Headers.RetryAfter.ToString(), out var seconds) && seconds is > 0 and <= 60, page.Headers.RetryAfter.ToString());
        Assert.Contains("درخواست‌های بیش از حد", page.Text, StringComparison.Ordinal);
    }
}
