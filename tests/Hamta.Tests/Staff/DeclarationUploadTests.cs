using System.Text;
using System.Text.Json;
using Hamta.Devices.Contracts;
using Hamta.Devices.Importing;
using Hamta.Devices.Importing.Uploads;
using Hamta.Kernel.Notifications;
using Hamta.Testing;
using Hamta.Tests.Desk;
using Hamta.Tests.Infrastructure;
using Hamta.Tests.Reliability;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Hamta.Tests.Staff;

public sealed class DeclarationUploadTests(HamtaFixture fixture) : DeskTest(fixture)
{
    private const string Declarations = "/staff/declarations";

    private static readonly string[] MixedLines =
    [
        $"{Unregistered},356938035643841,Samsung,Galaxy A54,commercial,Importer A,,,,",
        "356938035643808,,Bad,Luhn,commercial,Importer A,,,,",
        $"{UnregisteredOtherTac},,Apple,iPhone 15,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},yes",
        "353325101234585,,,105,commercial,Importer A,,,,",
        $"353325101234593,,Nokia,105,traveller,گمرک امام خمینی,,{SampleNationalId},{OtherSimOfSample},yes",
        $"{Samsung},,Samsung,Galaxy,commercial,Importer B,,,,",
    ];

    private static byte[] File(params string[] lines) => Encoding.UTF8.GetBytes(string.Join('\n', [DeclarationCsv.Header, .. lines]) + "\n");

    private Task<PortalClient> SignedInClerk() => SignedInStaff("clerk", DemoPasswords.Clerk);

    /// <summary>Uploads a file and waits until its import, and the SMS it causes, are done.</summary>
    private Task<PortalPage> Upload(PortalClient clerk, byte[] content, string name = "declarations-1405-09-06.csv") =>
        AndWaitForMessages(() => clerk.UploadAsync(Declarations, "file", name, content));

    private static async Task<JsonElement> Progress(PortalClient browser, string uploadPage)
    {
        var answer = await browser.GetAsync($"{uploadPage}?handler=progress");
        Assert.Equal(200, answer.Status);
        return JsonDocument.Parse(answer.Html).RootElement;
    }

    [Theory]
    [InlineData("agent", DemoPasswords.Agent)]
    [InlineData("auditor", DemoPasswords.Auditor)]
    public async Task Only_registry_clerks_and_admins_upload_declarations(string username, string password)
    {
        var other = NewBrowser();
        Assert.Equal(302, (await other.SubmitAsync("/staff/login", new Dictionary<string, string> { ["username"] = username, ["password"] = password })).Status);
        var clerk = await SignedInClerk();
        var uploaded = await Upload(clerk, File(MixedLines[0]));

        Assert.Equal(403, (await other.GetAsync(Declarations)).Status);
        Assert.Equal(403, (await other.GetAsync($"{uploaded.Location}?handler=progress")).Status);
        Assert.Equal(403, (await other.PostAsync(Declarations, new Dictionary<string, string>())).Status);
        Assert.Equal(200, (await (await SignedInAdmin()).GetAsync(uploaded.Location!)).Status);
        Assert.NotNull((await clerk.GetAsync("/staff")).Document.QuerySelector("nav a[href='/staff/declarations']"));
    }

    [Fact]
    public async Task An_uploaded_file_is_imported_in_the_background_with_its_progress_and_refused_lines_kept()
    {
        var clerk = await SignedInClerk();

        var uploaded = await Upload(clerk, File(MixedLines));

        Assert.Equal(302, uploaded.Status);
        Assert.Matches("^/staff/declarations/[0-9a-f-]{36}$", uploaded.Location);
        var progress = await Progress(clerk, uploaded.Location!);
        Assert.Equal("Done", progress.GetProperty("state").GetString());
        Assert.True(progress.GetProperty("finished").GetBoolean());
        Assert.Equal(100, progress.GetProperty("percent").GetInt32());
        Assert.Equal("۱۰۰٪", progress.GetProperty("percentText").GetString());
        Assert.Equal("۶ خط از حدود ۶ خوانده شد؛ ۲ پذیرفته و ۴ رد شد.", progress.GetProperty("countsText").GetString());

        var page = await clerk.GetAsync(uploaded.Location!);
        Assert.Equal("100", page.Document.QuerySelector("progress#progress-bar")!.GetAttribute("value"));
        Assert.Equal("۱۰۰٪", page.Document.QuerySelector("progress#progress-bar")!.TextContent.Trim());
        Assert.True(string.IsNullOrEmpty(page.Document.QuerySelector("#upload-progress")!.GetAttribute("data-progress-url")));
        Assert.Contains("۲ دستگاه ثبت شد و ۴ خط رد شد", page.Document.QuerySelector("#upload-done")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["۳ imei1", "۵ brand", "۶ traveller_national_id", "۷ imei1"],
            page.Document.QuerySelectorAll("#refused-lines tbody tr").Select(row => $"{row.Children[0].TextContent} {row.Children[1].TextContent}"));
        Assert.True((await Ask<ImeiInquiry>(new InquireImei("356938035643841"))).Registered);
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(UnregisteredOtherTac))).Registered);
        Assert.False((await Ask<ImeiInquiry>(new InquireImei("353325101234593"))).Registered);
        Assert.Single(await SmsTo(OtherSimOfSample, SmsKind.Secret));

        var list = await clerk.GetAsync(Declarations);
        Assert.Contains("declarations-1405-09-06.csv", list.Document.QuerySelector("#uploads")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customs_code_is_sent_once_even_when_the_node_stops_right_after_the_import_commits()
    {
        var clerk = await SignedInClerk();
        await using var fault = await DatabaseFault.FailUpdatesAsync(Host, DeclarationUploads.Table.QualifiedName, $"new.state = '{nameof(UploadState.Done)}'", "57P03", times: 1);

        var uploaded = await Upload(clerk, File(MixedLines[2]));

        Assert.Equal(2, await fault.HitsAsync());
        Assert.Single(await SmsTo(OtherSimOfSample, SmsKind.Secret));
        Assert.Equal("Done", (await Progress(clerk, uploaded.Location!)).GetProperty("state").GetString());
        Assert.True((await Ask<ImeiInquiry>(new InquireImei(UnregisteredOtherTac))).Registered);
    }

    [Fact]
    public async Task An_upload_not_imported_yet_shows_where_it_is_from_the_database_and_keeps_asking()
    {
        var id = Guid.NewGuid();
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            DeclarationUploads.Save(session, id, "waiting.csv", "clerk", Clock.GetUtcNow(), 1000, File(MixedLines[0]));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var clerk = await SignedInClerk();
        var page = await clerk.GetAsync($"{Declarations}/{id}");

        Assert.Equal($"/staff/declarations/{id}?handler=progress", page.Document.QuerySelector("#upload-progress")!.GetAttribute("data-progress-url"));
        Assert.Equal("0", page.Document.QuerySelector("progress#progress-bar")!.GetAttribute("value"));
        Assert.Equal("در صف", page.Document.QuerySelector("#progress-state")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/upload-progress.js']"));
        var progress = await Progress(clerk, $"{Declarations}/{id}");
        Assert.Equal(("Waiting", false, 0), (progress.GetProperty("state").GetString(), progress.GetProperty("finished").GetBoolean(), progress.GetProperty("percent").GetInt32()));
        Assert.Equal(404, (await clerk.GetAsync($"{Declarations}/{id}?handler=report")).Status);
    }

    [Fact]
    public async Task The_refused_lines_download_as_csv_with_line_field_and_reason()
    {
        var clerk = await SignedInClerk();
        var uploaded = await Upload(clerk, File(MixedLines));

        var report = await clerk.GetAsync($"{uploaded.Location}?handler=report");

        Assert.Equal(200, report.Status);
        Assert.StartsWith("text/csv", report.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Contains("refused-lines-declarations-1405-09-06.csv", report.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        var lines = report.Html.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("line,field,reason", lines[0]);
        Assert.Equal("3,imei1,IMEI نادرست است: 356938035643808", lines[1]);
        Assert.Equal("5,brand,خالی است", lines[2]);
        Assert.StartsWith("6,traveller_national_id,این مسافر در خط ۴ همین فایل", lines[3], StringComparison.Ordinal);
        Assert.Equal($"7,imei1,IMEI {Samsung} پیش‌تر در همتا ثبت شده است", lines[4]);
    }

    [Fact]
    public async Task The_same_file_uploaded_again_leads_to_its_first_upload_and_changes_nothing()
    {
        var clerk = await SignedInClerk();
        var first = await Upload(clerk, File(MixedLines[0]));

        var again = await Upload(clerk, File(MixedLines[0]), "renamed.csv");

        Assert.Equal($"{first.Location}?again=true", again.Location);
        var page = await clerk.GetAsync(again.Location!);
        Assert.NotNull(page.Document.QuerySelector("#same-file"));
        Assert.Contains("۱ دستگاه ثبت شد", page.Document.QuerySelector("#upload-done")!.TextContent, StringComparison.Ordinal);
        Assert.Single((await clerk.GetAsync(Declarations)).Document.QuerySelectorAll("#uploads tbody tr"));
    }

    [Fact]
    public async Task A_file_imported_from_the_command_line_before_is_recognised()
    {
        var content = File(MixedLines[0]);
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Hamta.Host.Commands.DeclarationImport>()
                .RunAsync(new MemoryStream(content), "declarations.csv", "customs-clerk", TestContext.Current.CancellationToken);
        }

        var clerk = await SignedInClerk();
        var uploaded = await Upload(clerk, content);

        var page = await clerk.GetAsync(uploaded.Location!);
        Assert.Contains("پیش‌تر وارد همتا شده بود", page.Document.QuerySelector("#upload-done")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"imei,brand\n{Unregistered},Samsung\n", "خط اول فایل باید سرستون‌ها باشد")]
    [InlineData("", "فایل خالی است")]
    [InlineData(" \r\n\n", "فایل خالی است")]
    public async Task A_file_that_cannot_be_imported_is_refused_at_once_beside_the_field(string content, string message)
    {
        var clerk = await SignedInClerk();

        var page = await Upload(clerk, Encoding.UTF8.GetBytes(content));

        Assert.Equal(200, page.Status);
        Assert.Contains(message, page.ErrorFor("file"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#uploads"));
    }

    [Fact]
    public async Task Any_bytes_at_all_get_a_persian_answer_and_never_an_error_page()
    {
        var clerk = await SignedInClerk();
        var random = new Random(1405);
        foreach (var length in new[] { 1, 3, 100, 5000 })
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            bytes[0] = 0xFF;

            var page = await Upload(clerk, bytes, "photo.jpg");

            Assert.Equal(200, page.Status);
            Assert.Contains("خط اول فایل باید سرستون‌ها باشد", page.ErrorFor("file"), StringComparison.Ordinal);
        }

        var header = await Upload(clerk, [.. Encoding.UTF8.GetBytes(DeclarationCsv.Header + "\n"), 0, 0xFF, 0xFE, (byte)'\n', (byte)'"', (byte)',']);
        Assert.Equal(302, header.Status);
        var progress = await Progress(clerk, header.Location!);
        Assert.Equal("Done", progress.GetProperty("state").GetString());
        Assert.Equal(200, (await clerk.GetAsync($"{header.Location}?handler=report")).Status);
    }

    [Fact]
    public async Task A_file_above_the_size_limit_is_refused_with_a_persian_message()
    {
        var clerk = await SignedInClerk();
        var content = new byte[(20 * 1024 * 1024) + 1];
        Array.Fill(content, (byte)'\n');
        Encoding.UTF8.GetBytes(DeclarationCsv.Header).CopyTo(content, 0);

        var page = await clerk.UploadAsync(Declarations, "file", "huge.csv", content);

        Assert.Equal(200, page.Status);
        Assert.Contains("بیش از ۲۰ مگابایت", page.ErrorFor("file"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_without_a_file_asks_for_one()
    {
        var clerk = await SignedInClerk();

        var page = await clerk.SubmitAsync(Declarations, new Dictionary<string, string>());

        Assert.Equal(200, page.Status);
        Assert.Contains("فایلی انتخاب نشده است", page.ErrorFor("file"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_upload_is_not_found()
    {
        var clerk = await SignedInClerk();

        Assert.Equal(404, (await clerk.GetAsync($"{Declarations}/{Guid.NewGuid()}")).Status);
        Assert.Equal(404, (await clerk.GetAsync($"{Declarations}/{Guid.NewGuid()}?handler=progress")).Status);
        Assert.Equal(404, (await clerk.GetAsync($"{Declarations}/{Guid.NewGuid()}?handler=report")).Status);
    }
}
