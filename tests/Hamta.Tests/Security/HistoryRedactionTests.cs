using Hamta.Kernel.Security;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Login;

namespace Hamta.Tests.Security;

public sealed class HistoryRedactionTests(HamtaFixture fixture) : LoginTest(fixture)
{
    [Fact]
    public async Task The_auditor_sees_that_a_boxed_device_has_an_activation_code_but_not_its_hash()
    {
        var auditor = NewBrowser();
        await auditor.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "auditor", ["password"] = DemoPasswords.Auditor });

        var page = await auditor.GetAsync($"/staff/history?kind=Imei&key={BoxedNokia}");

        Assert.Equal(200, page.Status);
        Assert.Contains("activation_code_issued", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"CodeHash\":\"***\"", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"[0-9A-Fa-f]{64}", page.Text);
    }

    [Fact]
    public void Secret_fields_are_redacted_at_any_depth_and_the_rest_is_kept()
    {
        var redacted = SecretFields.Redact("""{"DeviceId":"d1","CodeHash":"AB12","Owner":{"PasswordHash":"x","Sim":"0912"},"Items":[{"Code":"482913"}],"Reason":null}""");

        Assert.Equal("""{"DeviceId":"d1","CodeHash":"***","Owner":{"PasswordHash":"***","Sim":"0912"},"Items":[{"Code":"***"}],"Reason":null}""", redacted);
    }
}
