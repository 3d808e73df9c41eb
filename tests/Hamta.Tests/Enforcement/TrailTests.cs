using Hamta.Devices.Contracts;
using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hamta.Tests.Enforcement;

/// <summary>Every change of an IMEI's enforcement state in the history (time travel included) and in the audit (ADR 23).</summary>
public sealed class TrailTests(HamtaFixture fixture) : EnforcementTest(fixture)
{
    private async Task<IReadOnlyList<StreamHistoryView>> History(string imei, string? source = null, long? version = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StreamHistory>().FindAsync(HistoryKind.Imei, imei, source, version, TestContext.Current.CancellationToken);
    }

    private async Task<ProjectionAuditReport> AuditEnforcement(string? imei = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return Assert.Single(await scope.ServiceProvider.GetRequiredService<ProjectionAudit>().RunAsync("enforcement", imei, TestContext.Current.CancellationToken));
    }

    /// <summary>An unregistered IMEI warned, and lifted once it is declared, a day later.</summary>
    private async Task<DateTimeOffset> WarnedThenLifted()
    {
        await HealthyNetwork();
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));
        await Classify("daily");
        var warnedAt = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromDays(1));
        await Ask<DeclarationResult>(new DeclareDevice([Unregistered], "Samsung", "Galaxy A54", ImportType.Commercial, "واردکننده آزمون"));
        await Classify("after-declaration");
        return warnedAt;
    }

    [Fact]
    public async Task An_imeis_changes_are_on_its_history_with_cause_and_time_and_its_state_as_of_each_of_them()
    {
        var warnedAt = await WarnedThenLifted();

        var trail = Assert.Single(await History(Unregistered), v => v.Source == "enforcement");
        var asWarned = Assert.Single(await History(Unregistered, "enforcement", 1), v => v.Source == "enforcement");

        Assert.Equal(["met", "lifted"], trail.Events.Select(e => e.Event));
        Assert.Equal(warnedAt, trail.Events[0].At, TimeSpan.FromMilliseconds(1));
        Assert.Equal(warnedAt + TimeSpan.FromDays(1), trail.Events[1].At, TimeSpan.FromMilliseconds(1));
        Assert.Contains("not-registered", trail.Events[0].Cause, StringComparison.Ordinal);
        Assert.Contains("daily", trail.Events[0].Cause, StringComparison.Ordinal);
        Assert.Contains("after-declaration", trail.Events[1].Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("not-registered", trail.State, StringComparison.Ordinal);
        Assert.Contains("not-registered", asWarned.State, StringComparison.Ordinal);
        Assert.Equal(1, asWarned.StateVersion);
    }

    [Fact]
    public async Task The_history_page_shows_an_unregistered_imeis_changes_to_an_auditor()
    {
        await HealthyNetwork();
        await See(Unregistered, SecondUserSim, TimeSpan.FromHours(1));
        await Classify();
        var auditor = NewBrowser();
        await auditor.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = "auditor", ["password"] = DemoPasswords.Auditor });

        var page = await auditor.GetAsync($"/staff/history?kind=Imei&key={Unregistered}");

        Assert.Equal(200, page.Status);
        var row = Assert.Single(page.Document.QuerySelectorAll("#history-events tbody tr"));
        Assert.Equal("met", row.QuerySelector("summary")!.TextContent.Trim());
        Assert.Contains("not-registered", page.Document.QuerySelector("#history-state")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_rebuilds_the_states_from_their_changes_and_reports_a_row_changed_behind_the_apps_back()
    {
        await WarnedThenLifted();
        await See(UnregisteredOtherTac, SampleMobile, TimeSpan.FromHours(1));
        await Classify();
        var clean = await AuditEnforcement();

        await using (var connection = new NpgsqlConnection(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Hamta")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var forge = new NpgsqlCommand("update enforcement.imei_states set deadline = deadline + interval '30 days' where imei = @imei", connection);
            forge.Parameters.AddWithValue("imei", UnregisteredOtherTac);
            Assert.Equal(1, await forge.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var tampered = await AuditEnforcement();

        Assert.Empty(clean.Differences);
        Assert.Equal((3, 1), (clean.EventsReplayed, clean.DocumentsCompared));
        Assert.Equal([UnregisteredOtherTac], tampered.Differences);
        Assert.Empty((await AuditEnforcement(Unregistered)).Differences);
    }
}
