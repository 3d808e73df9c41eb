using System.Text.Json;
using Alba;
using Hamta.Host.Api;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Operators;

/// <summary>Operators' developers read the API's description and reference page from the portal itself.</summary>
public sealed class OperatorApiReferenceTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_openapi_document_describes_both_operator_endpoints_in_persian_and_english()
    {
        var result = await Host.Scenario(s => s.Get.Url(OperatorApiReference.DocumentPath));
        var document = await result.ReadAsJsonAsync<JsonElement>();

        var paths = document.GetProperty("paths");
        var batch = paths.GetProperty(OperatorApi.Path).GetProperty("post");
        Assert.True(paths.TryGetProperty(OperatorApi.DumpPath, out _));
        Assert.Contains("رکورد", batch.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Each record gets its own outcome", batch.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(OperatorApi.KeyHeader, document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_from_the_portal_not_a_cdn()
    {
        var page = await (await Host.Scenario(s => s.Get.Url(OperatorApiReference.PagePath + "/"))).ReadAsTextAsync();

        Assert.Contains("<script src=\"scalar.js\"></script>", page, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        await Host.Scenario(s => s.Get.Url(OperatorApiReference.PagePath + "/scalar.js"));
    }
}
