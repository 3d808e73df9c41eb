using Hamta.Devices.Contracts;
using Hamta.Testing;
using Hamta.Tests.Infrastructure;

namespace Hamta.Tests.Enforcement;

/// <summary>Blocks that do not wait for a run: a lost or stolen report, and staff blocking by hand.</summary>
public sealed class ImmediateBlockTests(HamtaFixture fixture) : ListTest(fixture)
{
    private static readonly string[] SamsungImeis = [Samsung, SamsungSecondImei];

    [Fact]
    public async Task A_device_reported_lost_is_in_the_next_block_delta_and_leaves_it_when_found()
    {
        var reportedAt = Clock.GetUtcNow();
        await Publish(new DeviceReportedLost(Guid.NewGuid(), "LS-1001", SamsungImeis, reportedAt));

        var lost = await DeltaOf("block", 0);
        Assert.Equal(SamsungImeis, lost.Adds.Select(r => r.Imei));
        Assert.All(lost.Adds, row => Assert.Equal("lost-stolen", row.Condition));

        await Publish(new DeviceReportedLost(Guid.NewGuid(), "LS-1001", SamsungImeis, reportedAt));
        Assert.Equal(1, (await DeltaOf("block", 0)).Version);

        Clock.Advance(TimeSpan.FromDays(3));
        await Publish(new DeviceFound(Guid.NewGuid(), "LS-1001", SamsungImeis, Clock.GetUtcNow()));

        var found = await DeltaOf("block", 1);
        Assert.Equal(SamsungImeis, found.Removes.Select(r => r.Imei));
        Assert.Empty((await DeltaOf("block", 0)).Adds);
        Assert.Equal(["blocked", "blocked", "lifted", "lifted"],
            (await Scalar<string[]>("select array_agg(change order by id) from enforcement.changes where condition = 'lost-stolen'")).ToList());
    }

    [Fact]
    public async Task Staff_block_a_device_by_hand_with_a_reason_and_unblock_it_and_the_block_list_follows()
    {
        var admin = await SignedInAdmin();

        var blocked = await AndWaitForMessages(() => admin.SubmitAsync("/staff/blocks",
            new Dictionary<string, string> { ["BlockImei"] = Persian(Xiaomi), ["BlockReason"] = "حکم قضایی ۱۲۳" }, "/staff/blocks?handler=Block"));

        Assert.Equal("/staff/blocks", blocked.Location);
        var block = await DeltaOf("block", 0);
        Assert.Equal([Xiaomi, XiaomiSecondImei], block.Adds.Select(r => r.Imei));
        Assert.All(block.Adds, row => Assert.Equal("manual", row.Condition));
        var page = await admin.GetAsync("/staff/blocks");
        Assert.NotNull(page.Document.QuerySelector($"#manual-blocks tr[data-imei='{Xiaomi}']"));
        Assert.Contains("حکم قضایی ۱۲۳", page.Html, StringComparison.Ordinal);
        Assert.Equal(DeviceState.Blocked, (await Ask<ImeiStatus>(new GetImeiStatus(Xiaomi))).State);

        var unblocked = await AndWaitForMessages(() => admin.SubmitAsync("/staff/blocks",
            new Dictionary<string, string> { ["UnblockImei"] = Xiaomi, ["UnblockReason"] = "حکم لغو شد" }, "/staff/blocks?handler=Unblock"));

        Assert.Equal("/staff/blocks", unblocked.Location);
        Assert.Equal(2, (await DeltaOf("block", 1)).Removes.Count);
        Assert.NotEqual(DeviceState.Blocked, (await Ask<ImeiStatus>(new GetImeiStatus(Xiaomi))).State);
    }

    [Theory]
    [InlineData(Xiaomi, "", "دلیل را بنویسید.")]
    [InlineData("86754304112233", "سرقت", "باید ۱۵ رقم باشد")]
    [InlineData(UnregisteredOtherTac, "سرقت", "در همتا ثبت نشده است")]
    public async Task A_block_by_hand_with_bad_input_says_why_in_persian_and_changes_nothing(string imei, string reason, string message)
    {
        var admin = await SignedInAdmin();

        var page = await AndWaitForMessages(() => admin.SubmitAsync("/staff/blocks",
            new Dictionary<string, string> { ["BlockImei"] = imei, ["BlockReason"] = reason }, "/staff/blocks?handler=Block"));

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.Document.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0L, await Scalar<long>("select count(*) from enforcement.imei_states"));
    }

    [Fact]
    public async Task Unblocking_a_device_that_is_not_blocked_says_so()
    {
        var admin = await SignedInAdmin();

        var page = await admin.SubmitAsync("/staff/blocks",
            new Dictionary<string, string> { ["UnblockImei"] = Xiaomi, ["UnblockReason"] = "اشتباه" }, "/staff/blocks?handler=Unblock");

        Assert.Contains("این دستگاه مسدود نیست.", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_block_by_hand_while_agents_see_the_lists_versions()
    {
        var agent = await SignedInStaff();

        Assert.Equal(403, (await agent.GetAsync("/staff/blocks")).Status);
        await SeedState(Xiaomi, "not-registered", TimeSpan.Zero);
        await Publish();

        var page = await agent.GetAsync("/staff/lists");
        var row = page.Document.QuerySelector("#list-versions tr[data-list='block']");
        Assert.NotNull(row);
        Assert.Equal("1", row.GetAttribute("data-version"));
        Assert.Equal("1", row.GetAttribute("data-size"));
        Assert.NotNull(page.Document.QuerySelector($"#list-versions tr[data-list='notification'][data-operator='{TestHost.OperatorName}']"));
    }
}
