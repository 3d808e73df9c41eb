using Hamta.Sim.Contracts;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Enforcement;

/// <summary>What each operator's EIR receives as the states change: versions, deltas and who sees what.</summary>
public sealed class ListPublicationTests(HamtaFixture fixture) : ListTest(fixture)
{
    private const string Blocked = Samsung;
    private const string InGrace = Nokia;
    private const string Later = Xiaomi;

    [Fact]
    public async Task A_state_past_its_deadline_is_blocked_and_one_in_its_grace_period_is_notified_to_its_operator()
    {
        await SeedState(Blocked, "not-registered", TimeSpan.Zero);
        await SeedState(InGrace, "not-registered", TimeSpan.FromDays(30));
        await SeedState(Later, "cloned", TimeSpan.FromDays(30), blocking: false);

        await Publish();

        var block = await DeltaOf("block", 0);
        Assert.Equal(1, block.Version);
        Assert.Equal([new ListRow(Blocked, Condition: "not-registered")], block.Adds);
        Assert.Empty(block.Removes);
        var notification = await DeltaOf("notification", 0);
        Assert.Equal(
            [new ListRow(InGrace, TestImsi, SampleMobile, "not-registered", Clock.GetUtcNow().AddDays(30)),
             new ListRow(Later, TestImsi, SampleMobile, "cloned", Clock.GetUtcNow().AddDays(30))],
            notification.Adds.OrderBy(row => row.Imei, StringComparer.Ordinal));
    }

    [Fact]
    public async Task When_the_grace_period_ends_the_next_publication_moves_the_imei_from_the_notification_list_to_the_block_list()
    {
        await SeedState(InGrace, "not-registered", TimeSpan.FromDays(30));
        await Publish();
        Assert.Empty((await DeltaOf("block", 0)).Adds);

        Clock.Advance(TimeSpan.FromDays(30));
        await Publish();

        var block = await DeltaOf("block", 0);
        Assert.Equal(InGrace, Assert.Single(block.Adds).Imei);
        var notification = await DeltaOf("notification", 1);
        Assert.Equal(2, notification.Version);
        Assert.Equal(InGrace, Assert.Single(notification.Removes).Imei);
        Assert.Empty(notification.Adds);
    }

    [Fact]
    public async Task A_delta_gives_each_row_once_and_a_row_added_then_removed_in_between_not_at_all()
    {
        await SeedState(Blocked, "not-registered", TimeSpan.Zero);
        await Publish();
        await SeedState(Later, "malformed", TimeSpan.Zero);
        await Publish();
        await LiftState(Later, "malformed");
        await Publish();
        await Publish();

        var sinceFirst = await DeltaOf("block", 1);
        Assert.Equal(3, sinceFirst.Version);
        Assert.Empty(sinceFirst.Adds);
        Assert.Empty(sinceFirst.Removes);
        var sinceSecond = await DeltaOf("block", 2);
        Assert.Equal(Later, Assert.Single(sinceSecond.Removes).Imei);
        Assert.Empty(sinceSecond.Adds);
        var whole = await DeltaOf("block", 0);
        Assert.Equal(Blocked, Assert.Single(whole.Adds).Imei);
        var current = await DeltaOf("block", 3);
        Assert.Empty(current.Adds);
        Assert.Empty(current.Removes);
    }

    [Fact]
    public async Task Changes_past_their_retention_are_deleted_and_a_delta_from_before_them_asks_for_the_whole_list()
    {
        await SeedState(Blocked, "not-registered", TimeSpan.Zero);
        await Publish();
        await SeedState(Later, "malformed", TimeSpan.Zero);
        await Publish();
        Clock.Advance(TimeSpan.FromDays(31));
        await LiftState(Later, "malformed");
        await Publish();

        Assert.Equal(0L, await Scalar<long>("select count(*) from enforcement.list_changes where list = 'block' and version < 3"));
        var (status, body) = await GetJson("/api/operator/lists/block/delta?since=1");
        Assert.Equal(410, status);
        Assert.Contains("فهرست کامل را بگیرید", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        var sinceSecond = await DeltaOf("block", 2);
        Assert.Equal(Later, Assert.Single(sinceSecond.Removes).Imei);
        var whole = await DeltaOf("block", 0);
        Assert.Equal(3, whole.Version);
        Assert.Equal(Blocked, Assert.Single(whole.Adds).Imei);
        Assert.Empty(whole.Removes);
    }

    [Fact]
    public async Task A_publication_without_any_change_makes_no_new_version()
    {
        await SeedState(Blocked, "not-registered", TimeSpan.Zero);
        await Publish();
        await Publish();

        Assert.Equal(1, (await DeltaOf("block", 0)).Version);
        Assert.Equal(1L, await Scalar<long>("select count(*) from enforcement.list_versions where list = 'block'"));
    }

    [Fact]
    public async Task Each_operator_is_notified_of_its_own_subscribers_only_and_all_get_the_same_block_list()
    {
        await SeedState(InGrace, "not-registered", TimeSpan.FromDays(30), imsi: TestImsi);
        await SeedState(Later, "not-registered", TimeSpan.FromDays(30), imsi: OtherImsi, msisdn: SecondUserSim);
        await SeedState(Blocked, "not-registered", TimeSpan.Zero, imsi: OtherImsi);

        await Publish();

        Assert.Equal(InGrace, Assert.Single((await DeltaOf("notification", 0)).Adds).Imei);
        Assert.Equal(Later, Assert.Single((await DeltaOf("notification", 0, TestHost.OtherOperatorKey)).Adds).Imei);
        Assert.Equal((await DeltaOf("block", 0)).Adds, (await DeltaOf("block", 0, TestHost.OtherOperatorKey)).Adds);
        var (csv, _, _) = await CsvOf("notification", TestHost.OtherOperatorKey);
        Assert.DoesNotContain(InGrace, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_keeps_using_a_blocked_imei_with_their_own_sim_through_the_exception_list()
    {
        const string OwnersImsi = "432110000000077";
        const string StrangersImsi = "432110000000088";
        var seenAt = Clock.GetUtcNow().AddHours(-1);
        await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
        [
            new AttachObservationRecord(Later, OwnersImsi, SecondUserSim, seenAt),
            new AttachObservationRecord(Later, StrangersImsi, OtherSimOfSample, seenAt),
        ])));
        await SeedState(Later, "cloned", TimeSpan.Zero);

        await Publish();

        Assert.Equal([new ListRow(Later, OwnersImsi)], (await DeltaOf("exception", 0)).Adds);
        Assert.Empty((await DeltaOf("exception", 0, TestHost.OtherOperatorKey)).Adds);
        var (csv, version, _) = await CsvOf("exception");
        Assert.Equal(1, version);
        Assert.Equal(["imei,imsi", $"{Later},{OwnersImsi}"], csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_lost_or_stolen_imei_gets_no_exception_even_for_its_owner()
    {
        await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
            [new AttachObservationRecord(Later, TestImsi, SecondUserSim, Clock.GetUtcNow().AddHours(-1))])));
        await SeedState(Later, "cloned", TimeSpan.Zero);
        await SeedState(Later, "lost-stolen", TimeSpan.Zero, imsi: null);

        await Publish();

        Assert.Equal(2, (await DeltaOf("block", 0)).Adds.Count);
        Assert.Empty((await DeltaOf("exception", 0)).Adds);
    }

    [Fact]
    public async Task The_csv_header_names_each_lists_columns()
    {
        await Publish();

        Assert.Equal("imei,condition,reason", (await CsvOf("block")).Csv.Trim());
        Assert.Equal("imei,imsi,msisdn,condition,reason,deadline", (await CsvOf("notification")).Csv.Trim());
        Assert.Equal(0, (await CsvOf("notification")).Version);
    }
}
