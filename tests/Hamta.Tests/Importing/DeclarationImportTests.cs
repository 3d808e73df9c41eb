using System.Text;
using System.Text.RegularExpressions;
using Hamta.Devices.Contracts;
using Hamta.Devices.Importing;
using Hamta.Host.Auditing;
using Hamta.Kernel.Auditing;
using Hamta.Host.Commands;
using Hamta.Kernel.Notifications;
using Hamta.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Importing;

public sealed partial class DeclarationImportTests(HamtaFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>The demo world's four activated devices (one of them reported stolen); its boxed Nokia never changed and has no stream.</summary>
    private const int DemoDevicesChanged = 4;

    private async Task<DeclarationsImported> ImportText(string text)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await scope.ServiceProvider.GetRequiredService<DeclarationImport>().RunAsync(file, "declarations.csv", "customs-clerk", TestContext.Current.CancellationToken);
    }

    private Task<DeclarationsImported> Import(params string[] rows) => ImportText(string.Join('\n', [DeclarationCsv.Header, .. rows]));

    private async Task<IReadOnlyList<ProjectionAuditReport>> Audit()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProjectionAudit>().RunAsync("devices", null, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Good_rows_are_imported_and_bad_rows_are_reported_by_line_and_field()
    {
        var report = await Import(
            "356938035643833,356938035643841,Samsung,Galaxy A54,commercial,Importer A,,,,",
            "356938035643808,,Bad,Luhn,commercial,Importer A,,,,",
            "356938035643833,,Twice,In file,commercial,Importer A,,,,",
            "353325101234585,,Nokia,105,smuggled,Importer A,,,,",
            "too,few,columns",
            "490154203237518,,Apple,iPhone 15,commercial,Importer B,,,,",
            "353325101234593,356938035643809,Nokia,105,commercial,Importer A,,,,",
            "353325101234601,,,105,commercial,Importer A,,,,",
            "353325101234619,,Nokia,105,traveller,گمرک,,12,09131234567,yes",
            "\"353325101234627\",,\"Nokia, HMD\",105,commercial,Importer A,12345,,,");

        Assert.Equal(2, report.Imported);
        Assert.Equal(
            [(3, "imei1"), (4, "imei1"), (5, "import_type"), (6, "line"), (8, "imei2"), (9, "brand"), (10, "traveller_national_id"), (11, "activation_code")],
            report.Problems.Select(p => (p.Line, p.Field)));
        Assert.Contains("line 2", report.Problems.Single(p => p.Line == 4).Problem, StringComparison.Ordinal);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei("356938035643841"))).Registered);
        Assert.Equal("Importer B", (await Ask<ImeiInquiry>(new InquireImei("490154203237518"))).Importer);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei("353325101234585"))).Registered);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei("353325101234593"))).Registered);
    }

    [Fact]
    public async Task A_quoted_field_with_a_comma_is_one_field()
    {
        var report = await Import("\"353325101234627\",,\"Nokia, HMD\",105,commercial,Importer A,,,,");

        Assert.Empty(report.Problems);
        Assert.Equal("Nokia, HMD", (await Ask<ImeiInquiry>(new InquireImei("353325101234627"))).Brand);
    }

    [Fact]
    public async Task A_file_imported_twice_is_stored_once()
    {
        string[] rows = ["356938035643833,356938035643841,Samsung,Galaxy A54,commercial,Importer A,,,,", "490154203237518,,Apple,iPhone 15,commercial,Importer B,,,,"];
        var first = await Import(rows);

        var second = await Import(rows);

        Assert.False(first.AlreadyImported);
        Assert.True(second.AlreadyImported);
        Assert.Equal(first.FileId, second.FileId);
        Assert.Equal(2, second.Imported);
        Assert.Empty(second.Problems);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei("490154203237518"))).Registered);
    }

    [Fact]
    public async Task A_file_without_the_header_imports_nothing()
    {
        var report = await ImportText("356938035643833,,Samsung,Galaxy A54,commercial,Importer A,,,,");

        Assert.Equal(0, report.Imported);
        Assert.Equal((1, "header"), (Assert.Single(report.Problems).Line, report.Problems[0].Field));
        Assert.False((await Ask<ImeiInquiry>(new InquireImei("356938035643833"))).Registered);
    }

    [Fact]
    public async Task Imported_devices_change_hands_and_the_audit_finds_no_difference()
    {
        await Import(
            "356938035643833,356938035643841,Samsung,Galaxy A54,commercial,Importer A,731946,,,",
            "490154203237518,,Apple,iPhone 15,commercial,Importer B,,,,");

        Assert.Equal(ActivationOutcome.Activated,
            (await AskAndWait<ActivationResult>(new ActivateDevice("356938035643841", "09131234567", "0013542419", "731946"))).Outcome);
        Assert.Equal(RepairOutcome.Replaced,
            (await Ask<RepairResult>(new RegisterRepair("356938035643833", "356938035643858", "09131234567", "0013542419"))).Outcome);
        Assert.Equal(DeviceChangeOutcome.Done, (await AskAndWait<DeviceChangeResult>(new BlockDevice("490154203237518", "گزارش سرقت", "police"))).Outcome);

        Assert.Equal(DeviceState.Owned, (await Ask<ImeiStatus>(new GetImeiStatus("356938035643858"))).State);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei("356938035643833"))).Registered);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei("490154203237518"))).Blocked);
        Assert.Equal(DeviceState.AwaitingActivation, (await Ask<ImeiStatus>(new GetImeiStatus("353325101234577"))).State);
        var audit = await Audit();
        Assert.All(audit, report => Assert.Empty(report.Differences));
        Assert.Equal(DemoDevicesChanged + 2, audit.Single(report => report.Projection == "Registration").DocumentsCompared);
    }

    [Fact]
    public async Task A_traveller_whose_fee_is_paid_gets_an_activation_code_by_sms_that_activates_the_device()
    {
        await Import("490154203237518,,Apple,iPhone 15,traveller,گمرک امام خمینی,,0013542419,09131234567,yes");

        var sms = Assert.Single(await SmsTo("09131234567", SmsKind.Secret));
        var code = SixDigits().Match(sms.Text).Value;
        var registrations = await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations("0013542419"));
        Assert.Equal(TravellerRegistrationState.AwaitingActivation, Assert.Single(registrations).State);

        var activation = await AskAndWait<ActivationResult>(new ActivateDevice("490154203237518", "09131234567", "0013542419", code));

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

    [Fact]
    public async Task A_traveller_brings_one_device_a_year_within_a_file_and_across_files()
    {
        var first = await Import(
            "490154203237518,,Apple,iPhone 15,traveller,گمرک امام خمینی,,0013542419,09131234567,no",
            "353325101234585,,Nokia,105,traveller,گمرک امام خمینی,,0013542419,09131234567,no");

        Clock.Advance(TimeSpan.FromDays(300));
        var later = await Import("353325101234593,,Nokia,105,traveller,گمرک بازرگان,,0013542419,09131234567,no");
        Clock.Advance(TimeSpan.FromDays(65));
        var nextYear = await Import("353325101234601,,Nokia,105,traveller,گمرک بازرگان,,0013542419,09131234567,no");

        Assert.Equal(1, first.Imported);
        var repeated = Assert.Single(first.Problems);
        Assert.Equal((3, "traveller_national_id", LineRefusal.TravellerRepeatedInFile, "2"), (repeated.Line, repeated.Field, Enum.Parse<LineRefusal>(repeated.Refusal), repeated.Detail));
        Assert.Equal(0, later.Imported);
        Assert.Equal((2, "traveller_national_id", LineRefusal.TravellerDeclaredThisYear), (later.Problems[0].Line, later.Problems[0].Field, Enum.Parse<LineRefusal>(later.Problems[0].Refusal)));
        Assert.Equal(1, nextYear.Imported);
        Assert.Equal(2, (await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations("0013542419"))).Count);
    }

    [Fact]
    public async Task The_progress_counts_every_line_read_accepted_and_refused()
    {
        var progress = new ImportProgress();
        await using var scope = Host.Services.CreateAsyncScope();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n',
            DeclarationCsv.Header, "356938035643833,,Samsung,Galaxy A54,commercial,Importer A,,,,", "bad", "356938035643809,,Samsung,Galaxy,commercial,B,,,,")));

        var report = await scope.ServiceProvider.GetRequiredService<DeclarationImporter>()
            .ImportAsync(file, "declarations.csv", "clerk", TestContext.Current.CancellationToken, progress);

        Assert.Equal((3, 1, 2, true), (progress.Read, progress.Accepted, progress.Refused, progress.Writing));
        Assert.Equal(1, report.Imported);
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
