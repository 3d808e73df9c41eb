using System.Diagnostics.Metrics;
using System.Text.Json;
using Hamta.Kernel.Notifications;
using Hamta.Kernel.Telemetry;
using Hamta.Sim.Contracts;
using Hamta.Testing;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine.Tracking;

namespace Hamta.Tests.Reliability;

/// <summary>What operators read: liveness, readiness with details, the dead letters and what an admin does with them, the metrics.</summary>
public sealed class OperatingTests(HamtaFixture fixture) : DeskTest(fixture)
{
    /// <summary>A message that fails for good: every insert of an SMS breaks a rule (not a blip, so it is not retried for long).</summary>
    private async Task DeadLetterAnSms()
    {
        await using var fault = await DatabaseFault.FailInsertsAsync(Host, "notifications.mt_doc_smsmessage", PostgresErrorCodes.CheckViolation);
        var tracked = await Host.TrackActivity().DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync(context => context.PublishAsync(new SendSms(SecondUserSim, "پیام آزمون", SmsKind.Notice)).AsTask());
        Assert.Single(tracked.MovedToErrorQueue.Envelopes());
    }

    /// <summary>The dead letters outlive the data reset between tests: each test that makes one takes it away again.</summary>
    private async Task ClearDeadLetters()
    {
        await using var connection = Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("delete from wolverine.wolverine_dead_letters", connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Liveness_answers_without_asking_anything()
    {
        var live = await NewBrowser().GetAsync("/health/live");

        Assert.Equal(200, live.Status);
        Assert.Equal("Healthy", live.Html);
    }

    [Fact]
    public async Task Readiness_details_each_check_with_its_time()
    {
        var ready = await NewBrowser().GetAsync("/health/ready");

        Assert.Equal(200, ready.Status);
        using var json = JsonDocument.Parse(ready.Html);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(0, checks.GetProperty("dead-letters").GetProperty("data").GetProperty("deadLetters").GetInt64());
        Assert.True(checks.GetProperty("database").GetProperty("seconds").GetDouble() < 2);
    }

    [Fact]
    public async Task A_dead_letter_is_counted_in_readiness_and_shown_to_admins_who_can_discard_it()
    {
        await DeadLetterAnSms();
        try
        {
            await ReadinessAndPageShowOneDeadLetterThatCanBeDiscarded();
        }
        finally
        {
            await ClearDeadLetters();
        }
    }

    private async Task ReadinessAndPageShowOneDeadLetterThatCanBeDiscarded()
    {

        using (var json = JsonDocument.Parse((await NewBrowser().GetAsync("/health/ready")).Html))
        {
            Assert.Equal("Degraded", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("checks").GetProperty("dead-letters").GetProperty("data").GetProperty("deadLetters").GetInt64());
        }

        var admin = await SignedInAdmin();
        var page = await admin.GetAsync("/staff/dead-letters");
        Assert.Contains("۱ پیام ناموفق", page.Document.QuerySelector("#dead-letter-count")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(page.Document.QuerySelectorAll("#dead-letters tbody tr"));
        Assert.Contains("sms", row.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("23514", row.TextContent, StringComparison.Ordinal);

        var discarded = await admin.SubmitAsync("/staff/dead-letters", new Dictionary<string, string>(),
            page.Document.QuerySelectorAll("#dead-letters form").Select(f => f.GetAttribute("action")!).Single(a => a.Contains("Discard", StringComparison.Ordinal)));
        Assert.Equal(302, discarded.Status);
        Assert.Contains("۰ پیام ناموفق", (await admin.GetAsync("/staff/dead-letters")).Document.QuerySelector("#dead-letter-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_a_dead_letter_puts_it_back_for_the_inbox()
    {
        await DeadLetterAnSms();
        try
        {
            var admin = await SignedInAdmin();
            var page = await admin.GetAsync("/staff/dead-letters");

            var sms = page.Document.QuerySelectorAll("#dead-letters tbody tr").Single(r => r.TextContent.Contains("sms", StringComparison.OrdinalIgnoreCase));
            var replayed = await admin.SubmitAsync("/staff/dead-letters", new Dictionary<string, string>(),
                sms.QuerySelectorAll("form").Select(f => f.GetAttribute("action")!).Single(a => a.Contains("Replay", StringComparison.Ordinal)));

            Assert.Equal(302, replayed.Status);
            Assert.Contains("دوباره به صف", (await admin.GetAsync("/staff/dead-letters")).Text, StringComparison.Ordinal);
        }
        finally
        {
            await ClearDeadLetters();
        }
    }

    [Fact]
    public async Task The_dead_letters_are_for_admins_only()
    {
        var agent = await SignedInStaff();

        Assert.Equal(403, (await agent.GetAsync("/staff/dead-letters")).Status);
    }

    [Fact]
    public async Task Metrics_in_prometheus_format_for_an_admin_and_not_for_an_agent()
    {
        var admin = await SignedInAdmin();
        var metrics = await admin.GetAsync("/metrics");

        Assert.Equal(200, metrics.Status);
        Assert.Contains("hamta_dead_letters", metrics.Html, StringComparison.Ordinal);
        Assert.Contains("hamta_tickets_awaiting_evidence", metrics.Html, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", metrics.Html, StringComparison.Ordinal);
        Assert.Equal(403, (await (await SignedInStaff()).GetAsync("/metrics")).Status);
    }

    [Fact]
    public async Task The_classification_lag_is_the_time_since_the_last_applied_full_run_covered_the_sightings()
    {
        var lags = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == HamtaMeter.Name && instrument.Name == "hamta.enforcement.classification_lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lags.Add(value));
        listener.Start();
        var gauges = Host.Services.GetRequiredService<Hamta.Host.Infrastructure.Telemetry.HamtaGauges>();
        async Task<List<double>> Sample()
        {
            lags.Clear();
            await gauges.SampleAsync(TestContext.Current.CancellationToken);
            listener.RecordObservableInstruments();
            return [.. lags];
        }

        var beforeAnyRun = await Sample();
        await Send(new Hamta.Enforcement.Contracts.ClassifyImeis("test"));
        Clock.Advance(TimeSpan.FromSeconds(90));
        var afterARun = await Sample();
        Clock.Advance(TimeSpan.FromSeconds(30));
        listener.RecordObservableInstruments();

        Assert.Empty(beforeAnyRun);
        Assert.Equal([90.0], afterARun.Select(x => Math.Round(x)));
        Assert.Equal([90.0, 120.0], lags.Select(x => Math.Round(x)));
    }

    [Fact]
    public async Task Sightings_stored_are_counted_per_operator_and_a_record_sent_again_is_not()
    {
        var counted = new List<(long Sightings, object? Operator)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == HamtaMeter.Name && instrument.Name == "hamta.sightings.ingested")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (counted)
            {
                counted.Add((value, tags.ToArray().Single(t => t.Key == "operator").Value));
            }
        });
        listener.Start();
        var seen = Clock.GetUtcNow();
        AttachObservationRecord Sighting(string imei) => new(imei, "432119121234567", SampleMobile, seen);

        await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [Sighting(Samsung), Sighting(SamsungRealSecondImei)])));
        await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [Sighting(SamsungRealSecondImei)])));

        lock (counted)
        {
            Assert.Equal(new[] { (2L, (object?)TestHost.OperatorName) }, counted);
        }
    }
}
