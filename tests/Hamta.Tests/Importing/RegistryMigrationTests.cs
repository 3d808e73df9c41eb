using Hamta.Devices.Contracts;
using Hamta.Devices.Registry;
using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hamta.Tests.Importing;

/// <summary>A registry written by the previous version: a stream per declared device and an ImeiClaim document per IMEI.</summary>
public sealed class RegistryMigrationTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private const string Boxed = "353325101234593";
    private const string Owned = "353325101234601";
    private const string OwnedSecond = "353325101234619";

    private async Task SeedPreviousVersion(IDocumentStore store)
    {
        var at = Clock.GetUtcNow().AddDays(-30);
        Guid boxed = Guid.CreateVersion7(), owned = Guid.CreateVersion7();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<Device>(boxed,
                new DeviceDeclared(boxed, [Boxed], "Nokia", "105", ImportType.Commercial, "Importer A", null, at),
                new ActivationCodeIssued(boxed, ActivationCodes.Hash(boxed, "482913"), ActivationCodeReason.Box, at));
            session.Events.StartStream<Device>(owned,
                new DeviceDeclared(owned, [Owned, OwnedSecond], "Nokia", "105", ImportType.Traveller, "گمرک",
                    new TravellerDeclaration(SecondUserNationalId, SecondUserSim, true, at), at),
                new ActivationCodeIssued(owned, ActivationCodes.Hash(owned, "264815"), ActivationCodeReason.Customs, at),
                new DeviceActivated(owned, SecondUserSim, SecondUserNationalId, at.AddDays(1)));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var connection = await ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var claims = new NpgsqlCommand(
            $"""
            create table {RegistryMigration.ClaimsTable} (id varchar not null primary key, data jsonb not null);
            insert into {RegistryMigration.ClaimsTable} values
                ('{Boxed}', jsonb_build_object('Id', '{Boxed}', 'DeviceId', '{boxed}')),
                ('{Owned}', jsonb_build_object('Id', '{Owned}', 'DeviceId', '{owned}')),
                ('{OwnedSecond}', jsonb_build_object('Id', '{OwnedSecond}', 'DeviceId', '{owned}'));
            """, connection);
        await claims.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Start_up_moves_the_previous_registry_onto_the_registration_list()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await SeedPreviousVersion(store);

        await new RegistryMigration().Populate(store, TestContext.Current.CancellationToken);
        await new RegistryMigration().Populate(store, TestContext.Current.CancellationToken);

        Assert.Equal(DeviceState.AwaitingActivation, (await Ask<ImeiStatus>(new GetImeiStatus(Boxed))).State);
        Assert.Equal(DeviceState.Owned, (await Ask<ImeiStatus>(new GetImeiStatus(OwnedSecond))).State);
        Assert.Equal(TravellerRegistrationState.Activated,
            Assert.Single(await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations(SecondUserNationalId))).State);
        Assert.Equal(ActivationOutcome.Activated, (await AskAndWait<ActivationResult>(new ActivateDevice(Boxed, OtherSimOfSample, SampleNationalId, "482913"))).Outcome);
        Assert.Equal(DeclarationOutcome.ImeiAlreadyRegistered,
            (await Ask<DeclarationResult>(new DeclareDevice([OwnedSecond], "Nokia", "105", ImportType.Commercial, "Importer B"))).Outcome);
        await using var scope = Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ProjectionAudit>().RunAsync("devices", null, TestContext.Current.CancellationToken);
        Assert.All(audit, report => Assert.Empty(report.Differences));
    }
}
