using Hamta.Sim.Contracts;
using Hamta.Sim.Network;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Hamta.Tests.Operators;

/// <summary>The sightings table: daily partitions kept by the recurring job, and the move from the previous version's documents.</summary>
public sealed class SightingStorageTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private Task<AttachObservationsResult> Record(string imei, DateTimeOffset at) =>
        AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [new AttachObservationRecord(imei, "432119121234567", SampleMobile, at)])));

    private async Task<NpgsqlConnection> Connect()
    {
        var connection = Host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private async Task<IReadOnlyList<DateOnly>> PartitionDays()
    {
        await using var connection = await Connect();
        return await SightingsStorage.PartitionDaysAsync(connection, TestContext.Current.CancellationToken);
    }

    private async Task<T> Scalar<T>(string sql)
    {
        await using var connection = await Connect();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task The_job_creates_the_coming_days_and_drops_the_days_past_retention()
    {
        var firstDay = Day(Clock.GetUtcNow());
        await Record(Samsung, Clock.GetUtcNow());
        Assert.Contains(firstDay, await PartitionDays());

        Clock.Advance(TimeSpan.FromDays(181));
        await Send(new MaintainSightingPartitions());

        var days = await PartitionDays();
        var today = Day(Clock.GetUtcNow());
        Assert.DoesNotContain(firstDay, days);
        Assert.All(Enumerable.Range(0, 4).Select(today.AddDays), day => Assert.Contains(day, days));
        Assert.Equal(0L, await Scalar<long>($"select count(*) from {SightingsStorage.Table} where imei = '{Samsung}'"));
    }

    [Fact]
    public async Task A_day_without_a_partition_gets_one_when_its_first_sighting_arrives()
    {
        var lateDay = Clock.GetUtcNow().AddDays(-40);
        Assert.DoesNotContain(Day(lateDay), await PartitionDays());

        var result = await Record(Samsung, lateDay);

        Assert.Equal(ObservationOutcome.Stored, result.Records.Single().Outcome);
        Assert.Contains(Day(lateDay), await PartitionDays());
    }

    [Fact]
    public async Task The_previous_versions_sighting_documents_move_into_the_table_on_start_up()
    {
        var at = Clock.GetUtcNow().AddDays(-2);
        var old = Clock.GetUtcNow().AddDays(-200);
        await using (var connection = await Connect())
        {
            await using var command = new NpgsqlCommand("""
                create table sim.mt_doc_attachobservation (id varchar primary key, data jsonb not null, mt_last_modified timestamptz,
                                                           mt_version uuid, mt_dotnet_type varchar);
                insert into sim.mt_doc_attachobservation (id, data) values
                  ('a', jsonb_build_object('Id', 'a', 'Imei', '353325101234569', 'ImeiValid', true, 'Imsi', '432119121234567', 'Msisdn', '09121234567',
                                           'NationalId', '0013542419', 'Operator', 'mci', 'ObservedAt', @at, 'ReceivedAt', @at)),
                  ('b', jsonb_build_object('Id', 'b', 'Imei', '353325101234569', 'ImeiValid', true, 'Imsi', '432119121234567', 'Msisdn', '09121234567',
                                           'NationalId', '0013542419', 'Operator', 'mci', 'ObservedAt', @old, 'ReceivedAt', @old));
                """, connection);
            command.Parameters.Add(new NpgsqlParameter("at", at.ToString("O")));
            command.Parameters.Add(new NpgsqlParameter("old", old.ToString("O")));
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await Host.Services.GetServices<IHostedService>().OfType<SightingsStartup>().Single().StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1L, await Scalar<long>($"select count(*) from {SightingsStorage.Table} where imei = '{Nokia}' and national_id = '{SampleNationalId}'"));
        Assert.False(await Scalar<bool>("select to_regclass('sim.mt_doc_attachobservation') is not null"));
        var lastSeen = await Ask<LastSeenOnNetwork>(new FindLastSeenOnNetwork([Nokia]));
        Assert.Equal(at, lastSeen.ByImei[Nokia]);
    }

    [Fact]
    public async Task A_later_sighting_of_an_imei_seen_before_is_kept_though_it_causes_no_message()
    {
        var at = Clock.GetUtcNow().AddHours(-2);
        await Record(Nokia, at);

        var later = await Record(Nokia, at.AddHours(1));

        Assert.Equal(ObservationOutcome.Stored, Assert.Single(later.Records).Outcome);
        Assert.Equal(2L, await Scalar<long>($"select count(*) from {SightingsStorage.Table} where imei = '{Nokia}'"));
    }
}
