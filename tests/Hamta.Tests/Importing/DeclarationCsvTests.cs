using Hamta.Devices.Contracts;
using Hamta.Devices.Declaring;
using Hamta.Devices.Importing;
using Hamta.Devices.Registry;

namespace Hamta.Tests.Importing;

/// <summary>The file format and the declaration's decision, without a database.</summary>
public sealed class DeclarationCsvTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static List<DeclarationLine> Read(params string[] rows) =>
        [.. DeclarationCsv.Read(new StringReader(string.Join("\r\n", [DeclarationCsv.Header, .. rows])), Now)];

    [Fact]
    public void A_header_with_a_byte_order_mark_and_capitals_is_the_header()
    {
        var lines = DeclarationCsv.Read(new StringReader($"\uFEFF{DeclarationCsv.Header.ToUpperInvariant()}\n353325101234585,,Nokia,105,commercial,A,,,,"), Now).ToList();

        Assert.Equal("353325101234585", Assert.Single(lines).Declaration!.Imeis[0]);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_keep_the_line_numbers()
    {
        var lines = Read("", "353325101234585,,Nokia,105,commercial,A,,,,", "   ", "bad,line");

        Assert.Equal([3, 5], lines.Select(line => line.Line));
        Assert.Equal("line", lines[1].Problem!.Field);
    }

    [Theory]
    [InlineData("353325101234585,353325101234585,Nokia,105,commercial,A,,,,", "imei2")]
    [InlineData(",,Nokia,105,commercial,A,,,,", "imei1")]
    [InlineData("353325101234585,,Nokia,,commercial,A,,,,", "model")]
    [InlineData("353325101234585,,Nokia,105,commercial,,,,,", "importer")]
    [InlineData("353325101234585,,Nokia,105,7,A,,,,", "import_type")]
    [InlineData("353325101234585,,Nokia,105,commercial,A,012345,,,", "activation_code")]
    [InlineData($"353325101234585,,Nokia,105,traveller,A,,{SampleNationalId},0912,yes", "traveller_sim")]
    [InlineData($"353325101234585,,Nokia,105,traveller,A,,,{SampleMobile},yes", "traveller_national_id")]
    [InlineData($"353325101234585,,Nokia,105,commercial,A,,{SampleNationalId},,", "traveller_national_id")]
    [InlineData("353325101234585,,Nokia,105,,A,,,,", "import_type")]
    public void A_bad_line_names_its_field(string row, string field) =>
        Assert.Equal(field, Assert.Single(Read(row)).Problem!.Field);

    [Theory]
    [InlineData("", "105", "A", "brand")]
    [InlineData("Nokia", " ", "A", "model")]
    [InlineData("Nokia", "105", "", "importer")]
    public void A_declaration_missing_a_detail_names_the_field(string brand, string model, string importer, string field)
    {
        var (result, registration, _) = DeclareDeviceHandler.Decide(
            new DeclareDevice(["353325101234585"], brand, model, ImportType.Commercial, importer), [], Guid.CreateVersion7(), Now);

        Assert.Equal(new DeclarationResult(DeclarationOutcome.MissingField, Field: field), result);
        Assert.Null(registration);
    }

    [Fact]
    public void A_traveller_declaration_without_the_travellers_details_names_them()
    {
        var result = DeclarationRules.Refusal(new DeclareDevice(["353325101234585"], "Nokia", "105", ImportType.Traveller, "گمرک"));

        Assert.Equal(new DeclarationResult(DeclarationOutcome.MissingField, Field: "traveller_national_id"), result);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(364, false)]
    [InlineData(365, true)]
    public void A_traveller_declares_one_device_a_year(int? daysSinceLast, bool allowed)
    {
        var declaration = new DeclareDevice(["353325101234585"], "Apple", "iPhone 15", ImportType.Traveller, "گمرک",
            Traveller: new TravellerDeclaration(SampleNationalId, SampleMobile, false, Now));

        var (result, registration, _) = DeclareDeviceHandler.Decide(
            declaration, [], Guid.CreateVersion7(), Now, daysSinceLast is { } days ? Now.AddDays(-days) : null);

        Assert.Equal(allowed ? DeclarationOutcome.Declared : DeclarationOutcome.TravellerDeclaredThisYear, result.Outcome);
        Assert.Equal(allowed, registration is not null);
    }

    [Fact]
    public void Persian_digits_in_a_code_are_read_as_digits()
    {
        var line = Assert.Single(Read("353325101234585,,Nokia,105,commercial,A,۴۸۲۹۱۳,,,"));

        Assert.Equal("482913", line.Declaration!.ActivationCode);
    }

    [Fact]
    public void A_declaration_keeps_its_box_code_only_as_a_hash_bound_to_the_device()
    {
        var deviceId = Guid.CreateVersion7();
        var declaration = new DeclareDevice(["353325101234585"], " Nokia ", "105", ImportType.Commercial, "A", "482913");

        var (result, registration, sms) = DeclareDeviceHandler.Decide(declaration, [], deviceId, Now);

        Assert.Equal(new DeclarationResult(DeclarationOutcome.Declared, deviceId), result);
        Assert.Null(sms);
        Assert.Equal("Nokia", registration!.Brand);
        Assert.True(ActivationCodes.Matches(registration.ActivationCodeHash, deviceId, "482913"));
        Assert.Equal([typeof(DeviceDeclared), typeof(ActivationCodeIssued)], registration.Events().Select(e => e.GetType()));
        Assert.Equal(DeviceState.AwaitingActivation, registration.ToDevice().State);
    }

    [Fact]
    public void A_declaration_of_a_held_imei_registers_nothing()
    {
        var (result, registration, _) = DeclareDeviceHandler.Decide(
            new DeclareDevice(["353325101234585"], "Nokia", "105", ImportType.Commercial, "A"), ["353325101234585"], Guid.CreateVersion7(), Now);

        Assert.Equal(DeclarationOutcome.ImeiAlreadyRegistered, result.Outcome);
        Assert.Null(registration);
    }
}
