using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Alba;
using Hamta.Host.Api;
using Hamta.Sim.Contracts;
using Hamta.Sim.Network;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Hamta.Tickets.Contracts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hamta.Tests.Operators;

/// <summary>An operator's daily dump: checked before anything is applied, stored whole or not at all, and once.</summary>
public sealed class SightingDumpTests(HamtaFixture fixture) : TicketTest(fixture), IDisposable
{
    private const string Header = "imei,imsi,msisdn,observed_at";
    private readonly List<string> files = [];

    private string Row(string imei, string msisdn = SampleMobile, string imsi = "432119121234567", int minutesAgo = 30) =>
        $"{imei},{imsi},{msisdn},{Clock.GetUtcNow().AddMinutes(-minutesAgo).ToString("O", CultureInfo.InvariantCulture)}";

    private string Dump(IEnumerable<string> rows, bool gzip = false)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hamta-dump-{Guid.NewGuid():N}.csv{(gzip ? ".gz" : string.Empty)}");
        var text = Encoding.UTF8.GetBytes(string.Join('\n', rows.Prepend(Header)) + "\n");
        using (var file = File.Create(path))
        using (Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file)
        {
            target.Write(text);
        }

        files.Add(path);
        return path;
    }

    private Task<DumpReport> Import(string path) => AndWaitForMessages(async () =>
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISightingsDumpImport>().ImportAsync(TestHost.OperatorName, path, TestContext.Current.CancellationToken);
    });

    private async Task<long> Scalar(string sql)
    {
        await using var connection = Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    private Task<long> StoredSightings() => Scalar($"select count(*) from {SightingsStorage.Table}");

    private static IEnumerable<string> Imeis(int count) =>
        Enumerable.Range(0, count).Select(i => { var body = (35693803000000 + i).ToString(CultureInfo.InvariantCulture); return body + LuhnDigit(body); });

    private static char LuhnDigit(string body)
    {
        var sum = body.Reverse().Select((c, i) => { var d = (c - '0') * (i % 2 == 0 ? 2 : 1); return d > 9 ? d - 9 : d; }).Sum();
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_dump_is_stored_and_the_same_file_again_is_stored_once()
    {
        var path = Dump(Imeis(20).Select(imei => Row(imei)), gzip: true);

        var first = await Import(path);
        var again = await Import(path);

        Assert.Equal(DumpOutcome.Imported, first.Outcome);
        Assert.Equal((20L, 20L), (first.Rows, first.Stored));
        Assert.All(first.Checks, c => Assert.True(c.Passed));
        Assert.Equal(DumpOutcome.AlreadyImported, again.Outcome);
        Assert.Equal(20, await StoredSightings());
    }

    [Fact]
    public async Task A_record_already_sent_by_the_api_or_in_another_dump_is_stored_once()
    {
        var imeis = Imeis(10).ToList();
        await Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [new AttachObservationRecord(imeis[0], "432119121234567", SampleMobile, Clock.GetUtcNow().AddMinutes(-30))]));
        await Import(Dump(imeis.Take(5).Select(imei => Row(imei))));

        var second = await Import(Dump(imeis.Select(imei => Row(imei))));

        Assert.Equal((10L, 5L, 5L), (second.Rows, second.Stored, second.Duplicates));
        Assert.Equal(10, await StoredSightings());
    }

    [Fact]
    public async Task A_dump_over_a_threshold_is_refused_whole_with_a_report_of_each_share()
    {
        var rows = Imeis(10).Select((imei, i) => i < 2 ? Row(imei, msisdn: "02188888888") : Row(imei)).ToList();

        var report = await Import(Dump(rows));

        Assert.Equal(DumpOutcome.Refused, report.Outcome);
        var msisdns = Assert.Single(report.Checks, c => !c.Passed);
        Assert.Equal(("MSISDNs outside the country", 2L, 0.2, 0.01), (msisdns.Name, msisdns.Rows, msisdns.Share, msisdns.Threshold));
        Assert.Contains(report.Lines(), line => line.StartsWith("OVER MSISDNs outside the country: 2 row(s)", StringComparison.Ordinal));
        Assert.Equal(0, await StoredSightings());
    }

    [Fact]
    public async Task Imsis_of_another_operator_and_a_dump_much_smaller_than_the_recent_ones_are_refused()
    {
        await Import(Dump(Imeis(20).Select(imei => Row(imei))));

        var foreign = await Import(Dump(Imeis(20).Select(imei => Row(imei, imsi: "432359121234567", minutesAgo: 10))));
        var small = await Import(Dump(Imeis(5).Select(imei => Row(imei, minutesAgo: 5))));

        Assert.Contains(foreign.Checks, c => c is { Name: "IMSIs outside the operator's MCC-MNC", Rows: 20, Passed: false });
        Assert.Equal(DumpOutcome.Refused, small.Outcome);
        Assert.Contains(small.Checks, c => c.Name.StartsWith("rows against the recent average of 20", StringComparison.Ordinal) && !c.Passed);
        Assert.Equal(20, await StoredSightings());
    }

    [Fact]
    public async Task A_dump_is_stored_all_or_nothing_when_the_database_fails_midway()
    {
        var imeis = Imeis(30).ToList();
        await Scalar($"""
            create function sim.fail_on_imei() returns trigger language plpgsql as $$
              begin raise exception 'disk full'; end $$;
            create trigger fail_midway before insert on {SightingsStorage.Table}
              for each row when (new.imei = '{imeis[20]}') execute function sim.fail_on_imei();
            select 0
            """);
        try
        {
            await Assert.ThrowsAsync<PostgresException>(() => Import(Dump(imeis.Select(imei => Row(imei)))));
        }
        finally
        {
            await Scalar($"drop trigger fail_midway on {SightingsStorage.Table}; drop function sim.fail_on_imei(); select 0");
        }

        Assert.Equal(0, await StoredSightings());
        Assert.Equal(0, await Scalar($"select count(*) from {SightingsDumpImporter.Dumps}"));
        Assert.Equal(DumpOutcome.Imported, (await Import(Dump(imeis.Select(imei => Row(imei))))).Outcome);
        Assert.Equal(30, await StoredSightings());
    }

    [Fact]
    public async Task A_dump_completing_a_tickets_evidence_resolves_it_at_once()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));

        await Import(Dump([Row(Samsung, minutesAgo: 0), Row(SamsungRealSecondImei, minutesAgo: 0)]));

        Assert.Equal(TicketStatus.Resolved, (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status);
    }

    [Fact]
    public async Task The_sweep_finds_evidence_that_arrived_by_a_dump()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        await Scalar($"delete from {SightingsStorage.Watches}; select 0");
        await Import(Dump([Row(Samsung, minutesAgo: 0), Row(SamsungRealSecondImei, minutesAgo: 0)]));
        Assert.Equal(TicketStatus.AwaitingNetworkEvidence, (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status);

        await Send(new SweepAwaitingTickets(TimeSpan.FromDays(7)));

        Assert.Equal(TicketStatus.Resolved, (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Status);
    }

    [Fact]
    public async Task The_dump_endpoint_takes_an_operators_file_and_answers_with_its_report()
    {
        var body = await File.ReadAllBytesAsync(Dump(Imeis(4).Select(imei => Row(imei)), gzip: true), TestContext.Current.CancellationToken);

        async Task<(int Status, JsonElement Body)> Upload(string? key)
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.ByteArray(body).ToUrl(OperatorApi.DumpPath);
                if (key is not null)
                {
                    s.WithRequestHeader(OperatorApi.KeyHeader, key);
                }

                s.IgnoreStatusCode();
            });
            return (result.Context.Response.StatusCode, await result.ReadAsJsonAsync<JsonElement>());
        }

        Assert.Equal(401, (await Upload(null)).Status);
        var (status, report) = await Upload(TestHost.OperatorKey);
        var (againStatus, again) = await Upload(TestHost.OperatorKey);

        Assert.Equal(200, status);
        Assert.Equal(("Imported", 4L), (report.GetProperty("outcome").GetString(), report.GetProperty("stored").GetInt64()));
        Assert.Equal(200, againStatus);
        Assert.Equal("AlreadyImported", again.GetProperty("outcome").GetString());
        Assert.Equal(4, await StoredSightings());
    }
}
