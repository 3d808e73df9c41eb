using System.Text;
using Hamta.Devices.Contracts;
using Hamta.Devices.Importing;
using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Host.Commands;
using Hamta.Tests.Infrastructure;
using Hamta.Host.Infrastructure;
using JasperFx;
using Marten.Exceptions;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Importing;

public sealed class ImeiUniquenessTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private async Task<DeclarationOutcome> Declare(string brand)
    {
        try
        {
            return (await Ask<DeclarationResult>(
                new DeclareDevice([Unregistered, "356938035643841"], brand, "Model", ImportType.Commercial, "Importer"))).Outcome;
        }
        catch (Exception exception) when (DuplicateClaims.Caused(exception))
        {
            return DeclarationOutcome.ImeiAlreadyRegistered;
        }
    }

    [Fact]
    public async Task Two_declarations_of_one_imei_at_the_same_moment_register_it_once()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Declare($"Brand {i}")));

        Assert.Single(outcomes, outcome => outcome == DeclarationOutcome.Declared);
        Assert.All(outcomes.Where(o => o != DeclarationOutcome.Declared), o => Assert.Equal(DeclarationOutcome.ImeiAlreadyRegistered, o));
    }

    [Fact]
    public async Task An_imei_already_registered_is_refused()
    {
        var result = await Ask<DeclarationResult>(new DeclareDevice([Samsung], "Samsung", "Galaxy", ImportType.Commercial, "Importer"));

        Assert.Equal(DeclarationOutcome.ImeiAlreadyRegistered, result.Outcome);
        Assert.Equal(Samsung, result.Imei);
    }

    private async Task<DeclarationsImported> Import(string row)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes($"{DeclarationCsv.Header}\n{row}"));
        return await scope.ServiceProvider.GetRequiredService<DeclarationImport>().RunAsync(file, "race.csv", "customs", TestContext.Current.CancellationToken);
    }

    private async Task<RepairOutcome> Repair(string oldImei, string newImei)
    {
        try
        {
            return (await Ask<RepairResult>(new RegisterRepair(oldImei, newImei, SampleMobile, SampleNationalId))).Outcome;
        }
        catch (Exception exception) when (DuplicateClaims.Caused(exception))
        {
            return RepairOutcome.NewImeiTaken;
        }
    }

    private async Task<ActivationOutcome?> Activate()
    {
        try
        {
            return (await Ask<ActivationResult>(new ActivateDevice(BoxedNokia, OtherSimOfSample, SampleNationalId, "482913", Notify: false))).Outcome;
        }
        catch (Exception exception) when (exception is ConcurrencyException or ExistingStreamIdCollisionException)
        {
            return null;
        }
    }

    [Fact]
    public async Task An_imei_raced_for_by_an_import_a_repair_and_activations_ends_on_one_device()
    {
        const string raced = "353325101234585";
        var import = Import($"{raced},,Nokia,105,commercial,Importer A,,,,");
        var repair = Repair(Nokia, raced);
        var activations = Enumerable.Range(0, 3).Select(_ => Activate()).ToList();
        await Task.WhenAll([import, repair, .. activations]);

        Assert.True((await import).Imported + ((await repair) == RepairOutcome.Replaced ? 1 : 0) == 1, $"{(await import).Imported} imported, repair {await repair}");
        Assert.Single(await Task.WhenAll(activations), outcome => outcome == ActivationOutcome.Activated);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(raced))).Registered);
        await using var scope = Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<ProjectionAudit>().RunAsync("devices", null, TestContext.Current.CancellationToken);
        Assert.All(audit, report => Assert.Empty(report.Differences));
    }
}
