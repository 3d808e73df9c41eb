using Hamta.Testing;
using Hamta.Devices.Contracts;
using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Sim.Contracts;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Tickets;
using Hamta.Tickets.Contracts;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Auditing;

public sealed class ProjectionAuditTests(HamtaFixture fixture) : TicketTest(fixture)
{
    private async Task<IReadOnlyList<ProjectionAuditReport>> Audit(string? module = null, Guid? stream = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProjectionAudit>().RunAsync(module, stream?.ToString(), TestContext.Current.CancellationToken);
    }

    /// <summary>Activation, transfer, a ticket corrected automatically and an agent's reply.</summary>
    private async Task<long> FullScenario()
    {
        var number = NumberFrom(await FileMismatch(await SignedInSubscriber()));
        foreach (var imei in new[] { Samsung, SamsungRealSecondImei })
        {
            await AndWaitForMessages(() => Ask<AttachObservationsResult>(new RecordAttachObservations(TestHost.OperatorName,
                [new AttachObservationRecord(imei, "432119121234567", SampleMobile, Clock.GetUtcNow())])));
        }

        var transfer = await AskAndWait<TransferStartResult>(new StartTransfer(Nokia, SampleMobile, SampleNationalId));
        await AskAndWait<ActivationResult>(new ActivateDevice(Nokia, SecondUserSim, SecondUserNationalId, transfer.Code!));
        await AskAndWait<ActivationResult>(new ActivateDevice(BoxedNokia, OtherSimOfSample, SampleNationalId, "482913"));
        var version = (await Ask<TicketDetails?>(new GetTicket(number, null)))!.Version;
        await AndWaitForMessages(() => Ask<TicketActionResult>(new ActOnTicket(number, TicketAction.Reply, new TicketActor(TicketActorKind.Agent, "agent"), "اصلاح شد.", version)));
        return number;
    }

    [Fact]
    public async Task After_a_full_scenario_every_read_model_matches_its_events()
    {
        await FullScenario();

        var reports = await Audit();

        Assert.Equal(["SimCard", "Device", "Registration", "TransferRecord", "Ticket", "ImeiState"], reports.Select(r => r.Projection));
        Assert.All(reports, r => Assert.Empty(r.Differences));
        Assert.All(reports.SkipLast(1), r => Assert.True(r.DocumentsCompared > 0 && r.EventsReplayed >= r.DocumentsCompared));
    }

    [Fact]
    public async Task A_transfer_history_row_removed_behind_the_apps_back_is_reported()
    {
        await FullScenario();
        Guid removed;
        await using (var connection = new NpgsqlConnection(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Hamta")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var delete = new NpgsqlCommand("delete from devices.mt_doc_transferrecord returning id", connection);
            removed = (Guid)(await delete.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        var transfers = Assert.Single(await Audit(module: "devices"), r => r.Projection == "TransferRecord");

        Assert.Equal([removed.ToString()], transfers.Differences);
    }

    [Fact]
    public async Task A_read_model_altered_behind_the_apps_back_is_reported_with_its_id()
    {
        await FullScenario();
        var device = (await Ask<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(SampleNationalId)))[0];
        await using (var connection = new NpgsqlConnection(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Hamta")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var forge = new NpgsqlCommand("update devices.mt_doc_device set data = jsonb_set(data, '{Model}', '\"Forged\"') where id = @id", connection);
            forge.Parameters.AddWithValue("id", device.Id);
            Assert.Equal(1, await forge.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var devices = Assert.Single(await Audit(module: "devices"), r => r.Projection == "Device");

        Assert.Equal([device.Id.ToString()], devices.Differences);
        Assert.Empty(Assert.Single(await Audit(module: "tickets")).Differences);
        Assert.Equal(1, Assert.Single(await Audit(module: "devices", stream: device.Id), r => r.Projection == "Device").DocumentsCompared);
    }

    [Fact]
    public async Task A_registration_or_an_imei_altered_behind_the_apps_back_is_reported_with_its_device()
    {
        await FullScenario();
        var owned = (await Ask<IReadOnlyList<DeviceSummary>>(new FindDevicesOwnedBy(SampleNationalId)))[0];
        Guid boxed;
        await using (var connection = new NpgsqlConnection(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Hamta")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var forge = new NpgsqlCommand(
                """
                update devices.registrations set brand = 'Forged' where device_id = @owned;
                delete from devices.imeis where imei = '353325101234577' returning device_id;
                """, connection);
            forge.Parameters.AddWithValue("owned", owned.Id);
            boxed = (Guid)(await forge.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        var registrations = Assert.Single(await Audit(module: "devices"), r => r.Projection == "Registration");

        Assert.Equal(new[] { owned.Id, boxed }.Order().Select(x => x.ToString()), registrations.Differences);
        Assert.Empty(Assert.Single(await Audit(module: "devices"), r => r.Projection == "Device").Differences);
    }

    [Fact]
    public async Task A_ticket_whose_events_are_gone_is_reported_and_the_others_still_match()
    {
        var number = await FullScenario();
        var subscriber = await SignedInSubscriber(SecondUserSim);
        for (var i = 0; i < 3; i++)
        {
            var description = $"درخواست {i}";
            await AndWaitForMessages(() => subscriber.SubmitAsync("/tickets/new/form?subject=Other", new Dictionary<string, string> { ["Description"] = description }));
        }

        var ticket = (await Ask<TicketDetails?>(new GetTicket(number, null)))!;
        await using (var connection = new NpgsqlConnection(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Hamta")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var erase = new NpgsqlCommand("delete from events.mt_events where stream_id = @id", connection);
            erase.Parameters.AddWithValue("id", ticket.Id);
            Assert.True(await erase.ExecuteNonQueryAsync(TestContext.Current.CancellationToken) > 0);
        }

        var tickets = Assert.Single(await Audit(module: "tickets"));

        Assert.Equal([ticket.Id.ToString()], tickets.Differences);
        Assert.Equal(4, tickets.DocumentsCompared);
    }
}
