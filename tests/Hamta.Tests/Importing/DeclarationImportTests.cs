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
            $"{Unregistered},356938035643841,Samsung,Galaxy A54,commercial,Importer A,,,,",
            "356938035643808,,Bad,Luhn,commercial,Importer A,,,,",
            $"{Unregistered},,Twice,In file,commercial,Importer A,,,,",
            "353325101234585,,Nokia,105,smuggled,Importer A,,,,",
            "too,few,columns",
            $"{UnregisteredOtherTac},,Apple,iPhone 15,commercial,Importer B,,,,",
            $"353325101234593,{Samsung},Nokia,105,commercial,Importer A,,,,",
            "353325101234601,,,105,commercial,Importer A,,,,",
            $"353325101234619,,Nokia,105,traveller,گمرک,,12,{OtherSimOfSample},yes",
            "\"353325101234627\",,\"Nokia, HMD\",105,commercial,Importer A,12345,,,");

        Assert.Equal(2, report.Imported);
        Assert.Equal(
            [(3, "imei1"), (4, "imei1"), (5, "import_type"), (6, "line"), (8, "imei2"), (9, "brand"), (10, "traveller_national_id"), (11, "activation_code")],
            report.Problems.Select(p => (p.Line, p.Field)));
        Assert.Contains("line 2", report.Problems.Single(p => p.Line == 4).Problem, StringComparison.Ordinal);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei("356938035643841"))).Registered);
        Assert.Equal("Importer B", (await Ask<ImeiInquiry>(new InquireImei(UnregisteredOtherTac))).Importer);
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
        string[] rows = [$"{Unregistered},356938035643841,Samsung,Galaxy A54,commercial,Importer A,,,,", $"{UnregisteredOtherTac},,Apple,iPhone 15,commercial,Importer B,,,,"];
        var first = await Import(rows);

        var second = await Import(rows);

        Assert.False(first.AlreadyImported);
        Assert.True(second.AlreadyImported);
        Assert.Equal(first.FileId, second.FileId);
        Assert.Equal(2, second.Imported);
        Assert.Empty(second.Problems);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(UnregisteredOtherTac))).Registered);
    }

    [Fact]
    public async Task A_file_without_the_header_imports_nothing()
    {
        var report = await ImportText($"{Unregistered},,Samsung,Galaxy A54,commercial,Importer A,,,,");

        Assert.Equal(0, report.Imported);
        Assert.Equal((1, "header"), (Assert.Single(report.Problems).Line, report.Problems[0].Field));
        Assert.False((await Ask<ImeiInquiry>(new InquireImei(Unregistered))).Registered);
    }

    [Fact]
    public async Task Imported_devices_change_hands_and_the_audit_finds_no_difference()
    {
        await Import(
            $"{Unregistered},356938035643841,Samsung,Galaxy A54,commercial,Importer A,731946,,,",
            $"{UnregisteredOtherTac},,Apple,iPhone 15,commercial,Importer B,,,,");

        Assert.Equal(ActivationOutcome.Activated,
            (await AskAndWait<ActivationResult>(new ActivateDevice("356938035643841", OtherSimOfSample, SampleNationalId, "731946"))).Outcome);
        Assert.Equal(RepairOutcome.Replaced,
            (await Ask<RepairResult>(new RegisterRepair(Unregistered, "356938035643858", OtherSimOfSample, SampleNationalId))).Outcome);
        Assert.Equal(DeviceChangeOutcome.Done, (await AskAndWait<DeviceChangeResult>(new BlockDevice(UnregisteredOtherTac, "گزارش سرقت", "police"))).Outcome);

        Assert.Equal(DeviceState.Owned, (await Ask<ImeiStatus>(new GetImeiStatus("356938035643858"))).State);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei(Unregistered))).Registered);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(UnregisteredOtherTac))).Blocked);
        Assert.Equal(DeviceState.AwaitingActivation, (await Ask<ImeiStatus>(new GetImeiStatus(BoxedNokia))).State);
        var audit = await Audit();
        Assert.All(audit, report => Assert.Empty(report.Differences));
        Assert.Equal(DemoDevicesChanged + 2, audit.Single(report => report.Projection == "Registration").DocumentsCompared);
    }

    [Fact]
    public async Task A_traveller_whose_fee_is_paid_gets_an_activation_code_by_sms_that_activates_the_device()
    {
        await Import($"{UnregisteredOtherTac},,Apple,iPhone 15,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},yes");

        var sms = Assert.Single(await SmsTo(OtherSimOfSample, SmsKind.Secret));
        var code = SixDigits().Match(sms.Text).Value;
        var registrations = await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations(SampleNationalId));
        Assert.Equal(TravellerRegistrationState.AwaitingActivation, Assert.Single(registrations).State);

        var activation = await AskAndWait<ActivationResult>(new ActivateDevice(UnregisteredOtherTac, OtherSimOfSample, SampleNationalId, code));

        Assert.Equal(ActivationOutcome.Activated, activation.Outcome);
        registrations = await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations(SampleNationalId));
        Assert.Equal(TravellerRegistrationState.Activated, Assert.Single(registrations).State);
    }

    [Fact]
    public async Task A_traveller_who_has_not_paid_gets_no_code()
    {
        await Import($"{UnregisteredOtherTac},,Apple,iPhone 15,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},no");

        Assert.Empty(await SmsTo(OtherSimOfSample));
        var registrations = await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations(SampleNationalId));
        Assert.Equal(TravellerRegistrationState.AwaitingPayment, Assert.Single(registrations).State);
    }

    [Fact]
    public async Task A_traveller_brings_one_device_a_year_within_a_file_and_across_files()
    {
        var first = await Import(
            $"{UnregisteredOtherTac},,Apple,iPhone 15,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},no",
            $"353325101234585,,Nokia,105,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},no");

        Clock.Advance(TimeSpan.FromDays(300));
        var later = await Import($"353325101234593,,Nokia,105,traveller,گمرک بازرگان,,{SampleNationalId},{OtherSimOfSample},no");
        Clock.Advance(TimeSpan.FromDays(65));
        var nextYear = await Import($"353325101234601,,Nokia,105,traveller,گمرک بازرگان,,{SampleNationalId},{OtherSimOfSample},no");

        Assert.Equal(1, first.Imported);
        var repeated = Assert.Single(first.Problems);
        Assert.Equal((3, "traveller_national_id", LineRefusal.TravellerRepeatedInFile, "2"), (repeated.Line, repeated.Field, Enum.Parse<LineRefusal>(repeated.Refusal), repeated.Detail));
        Assert.Equal(0, later.Imported);
        Assert.Equal((2, "traveller_national_id", LineRefusal.TravellerDeclaredThisYear), (later.Problems[0].Line, later.Problems[0].Field, Enum.Parse<LineRefusal>(later.Problems[0].Refusal)));
        Assert.Equal(1, nextYear.Imported);
        Assert.Equal(2, (await Ask<IReadOnlyList<TravellerRegistration>>(new FindTravellerRegistrations(SampleNationalId))).Count);
    }

    [Fact]
    public async Task The_progress_counts_every_line_read_accepted_and_refused()
    {
        var progress = new ImportProgress();
        await using var scope = Host.Services.CreateAsyncScope();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n',
            DeclarationCsv.Header, $"{Unregistered},,Samsung,Galaxy A54,commercial,Importer A,,,,", "bad", $"{Samsung},,Samsung,Galaxy,commercial,B,,,,")));

        var report = await scope.ServiceProvider.GetRequiredService<DeclarationImporter>()
            .ImportAsync(file, "declarations.csv", "clerk", TestContext.Current.CancellationToken, progress);

        Assert.Equal((3, 1, 2, true), (progress.Read, progress.Accepted, progress.Refused, progress.Writing));
        Assert.Equal(1, report.Imported);
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
