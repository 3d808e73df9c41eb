using System.Text.RegularExpressions;
using Hamta.Devices.Contracts;
using Hamta.Devices.Importing;
using Hamta.Host.Commands;
using Hamta.Kernel.Notifications;
using Hamta.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Importing;

public sealed partial class DeclarationImportTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    private async Task<ImportReport> Import(params string[] rows)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        using var reader = new StringReader(string.Join('\n', [DeclarationCsv.Header, .. rows]));
        return await scope.ServiceProvider.GetRequiredService<DeclarationImport>().RunAsync(reader, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Good_rows_are_imported_and_bad_rows_are_reported_with_their_line_numbers()
    {
        var report = await Import(
            "356938035643833,356938035643841,Samsung,Galaxy A54,commercial,Importer A,,,,",
            "356938035643808,,Bad,Luhn,commercial,Importer A,,,,",
            "356938035643809,,Taken,Already,commercial,Importer A,,,,",
            "353325101234585,,Nokia,105,smuggled,Importer A,,,,",
            "too,few,columns",
            "490154203237518,,Apple,iPhone 15,commercial,Importer B,,,,");

        Assert.Equal(2, report.Imported);
        Assert.Equal(["line 3", "line 4", "line 5", "line 6"], report.Problems.Select(p => p.Split(':')[0]));
        Assert.True((await Ask<ImeiInquiry>(new InquireImei("356938035643841"))).Registered);
        Assert.Equal("Importer B", (await Ask<ImeiInquiry>(new InquireImei("490154203237518"))).Importer);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei("353325101234585"))).Registered);
    }

    [Fact]
    public async Task An_imei_twice_in_one_file_is_imported_once()
    {
        var report = await Import(
            "356938035643833,,Samsung,Galaxy A54,commercial,Importer A,,,,",
            "356938035643833,,Samsung,Galaxy A54,commercial,Importer A,,,,");

        Assert.Equal(1, report.Imported);
        Assert.StartsWith("line 3:", Assert.Single(report.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_header_imports_nothing()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        using var reader = new StringReader("356938035643833,,Samsung,Galaxy A54,commercial,Importer A,,,,");
        var report = await scope.ServiceProvider.GetRequiredService<DeclarationImport>().RunAsync(reader, TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Imported);
        Assert.StartsWith("line 1:", Assert.Single(report.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_traveller_whose_fee_is_paid_gets_an_activation_code_by_sms_that_activates_the_device()
    {
        await Import("490154203237518,,Apple,iPhone 15,traveller,گمرک امام خمینی,,0013542419,09131234567,yes");

        var sms = Assert.Single(await SmsTo("09131234567", SmsKind.Secret));
        var code = SixDigits().Match(sms.Text).Value;
        var registrations = await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations("0013542419"));
        Assert.Equal(TravellerRegistrationState.AwaitingActivation, Assert.Single(registrations).State);

        var activation = await Ask<ActivationResult>(new ActivateDevice("490154203237518", "09131234567", "0013542419", code));

        Assert.Equal(ActivationOutcome.Activated, activation.Outcome);
        registrations = await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations("0013542419"));
        Assert.Equal(TravellerRegistrationState.Activated, Assert.Single(registrations).State);
    }

    [Fact]
    public async Task A_traveller_who_has_not_paid_gets_no_code()
    {
        await Import("490154203237518,,Apple,iPhone 15,traveller,گمرک امام خمینی,,0013542419,09131234567,no");

        Assert.Empty(await SmsTo("09131234567"));
        var registrations = await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations("0013542419"));
        Assert.Equal(TravellerRegistrationState.AwaitingPayment, Assert.Single(registrations).State);
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
