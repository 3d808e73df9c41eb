using Hamta.Devices.Contracts;
using Hamta.Tests.Infrastructure;
using Hamta.Host.Infrastructure;

namespace Hamta.Tests.Importing;

public sealed class ImeiUniquenessTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private async Task<DeclarationOutcome> Declare(string brand)
    {
        try
        {
            return (await Ask<DeclarationResult>(
                new DeclareDevice(["356938035643833", "356938035643841"], brand, "Model", ImportType.Commercial, "Importer"))).Outcome;
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
        var result = await Ask<DeclarationResult>(new DeclareDevice(["356938035643809"], "Samsung", "Galaxy", ImportType.Commercial, "Importer"));

        Assert.Equal(DeclarationOutcome.ImeiAlreadyRegistered, result.Outcome);
        Assert.Equal("356938035643809", result.Imei);
    }
}
