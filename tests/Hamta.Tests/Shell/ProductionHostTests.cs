using Hamta.Testing;
using Alba;
using Hamta.Host.Notifications;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Shell;

/// <summary>The same binary in Production, on a database of its own.</summary>
public sealed class ProductionHost : IAsyncLifetime
{
    private TestDatabase database = null!;

    public IAlbaHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("production");
        Host = await HamtaFixture.StartHostAsync(database.ConnectionString, "Production", TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await database.DisposeAsync();
    }
}

public sealed class ProductionHostTests(ProductionHost production) : IClassFixture<ProductionHost>
{
    [Fact]
    public async Task The_sms_outbox_page_does_not_exist_outside_development()
    {
        var page = await new PortalClient(production.Host).GetAsync("/dev/sms");

        Assert.Equal(404, page.Status);
    }

    [Fact]
    public async Task No_demo_accounts_exist_in_production()
    {
        var login = await new PortalClient(production.Host).SubmitAsync("/login", new Dictionary<string, string> { ["mobile"] = SampleMobile });

        Assert.Equal(302, login.Status);
        await using var session = production.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Query<SmsMessage>().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_operator_api_never_answers_with_the_html_error_page()
    {
        var result = await production.Host.Scenario(s =>
        {
            s.Get.Url(Hamta.Host.Api.OperatorApi.Path);
            s.IgnoreStatusCode();
        });

        Assert.Equal(405, result.Context.Response.StatusCode);
        Assert.DoesNotContain("<html", await result.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
