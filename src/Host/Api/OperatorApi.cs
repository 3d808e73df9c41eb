using System.Diagnostics;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Microsoft.AspNetCore.Http.Features;
using Wolverine;

namespace Hamta.Host.Api;

/// <summary>The operators' machine API: batches of network-attach observations, authenticated by an API key per operator.</summary>
public static class OperatorApi
{
    public const string Path = "/api/operator/attach-observations";
    public const string DumpPath = "/api/operator/sighting-dumps";

    /// <summary>A day of one operator's sightings, compressed, stays well below this.</summary>
    public const long MaxDumpBytes = 8L * 1024 * 1024 * 1024;
    public const string KeyHeader = "X-Api-Key";
    public const string OperatorsSection = "Hamta:Operators";

    public sealed record ObservationDto(string? Imei, string? Imsi, string? Msisdn, DateTimeOffset? ObservedAt);

    public sealed record BatchDto(IReadOnlyList<ObservationDto?>? Observations);

    public sealed record RecordResultDto(int Index, string Outcome, string Message);

    public sealed record BatchResultDto(int Stored, int Duplicates, int Rejected, long ElapsedMilliseconds, IReadOnlyList<RecordResultDto> Records);

    public sealed record ProblemDto(string Message);

    public sealed record DumpCheckDto(string Name, long Rows, double Share, double Threshold, bool Passed);

    public sealed record DumpResultDto(string Outcome, string Message, string Sha256, long Rows, long Stored, long Duplicates,
        long ElapsedMilliseconds, IReadOnlyList<DumpCheckDto> Checks);

    public static void MapOperatorApi(this WebApplication app)
    {
        app.MapPost(Path, RecordAsync).DisableAntiforgery().RequireRateLimiting(Identity.IdentityRegistration.OperatorRateLimit)
            .WithName("RecordAttachObservations")
            .WithSummary("ثبت دسته‌ای رؤیت‌ها — Record a batch of network sightings")
            .WithDescription(
                "هر رکورد نتیجه خودش را می‌گیرد: ثبت شد، تکراری، یا رد با دلیل دقیق (IMEI/IMSI/MSISDN نامعتبر، فیلد ناقص، زمان بیش از ۵ دقیقه در آینده یا "
                + "قدیمی‌تر از دوره نگهداری). رکورد تکراری یک بار ذخیره می‌شود؛ شماره ناشناخته هم ذخیره می‌شود. پاسخ مدت پردازش دسته را می‌گوید.\n\n"
                + "Each record gets its own outcome: stored, duplicate, or refused with a precise reason (invalid IMEI/IMSI/MSISDN, missing field, "
                + "a time more than 5 minutes ahead or older than the retention window). A record sent twice is stored once; unknown MSISDNs are "
                + "stored too. The response says how long the batch took.")
            .Accepts<BatchDto>("application/json")
            .Produces<BatchResultDto>()
            .Produces<ProblemDto>(StatusCodes.Status400BadRequest)
            .Produces<ProblemDto>(StatusCodes.Status401Unauthorized);
        app.MapPost(DumpPath, ImportDumpAsync).DisableAntiforgery().RequireRateLimiting(Identity.IdentityRegistration.OperatorRateLimit)
            .WithName("ImportSightingsDump")
            .WithSummary("فایل روزانه رؤیت‌ها — Import a daily sightings dump")
            .WithDescription(
                "بدنه درخواست فایل CSV با سرآیند imei,imsi,msisdn,observed_at است (یا همان با gzip). پیش از ذخیره، سهم رکوردهای ناقص، IMEI نادرست، "
                + "IMSI بیرون از MCC-MNC اپراتور، MSISDN بیرون از کشور و تعداد سطرها نسبت به فایل‌های اخیر سنجیده می‌شود؛ فایلی که از آستانه‌ای بگذرد "
                + "به‌طور کامل رد می‌شود (۴۲۲) و گزارش هر سهم را می‌گیرد. فایل پذیرفته همه یا هیچ ذخیره می‌شود و همان فایل دوباره ذخیره نمی‌شود.\n\n"
                + "The body is a CSV file with the header imei,imsi,msisdn,observed_at (or the same, gzip-compressed). Before anything is stored, the "
                + "shares of rows with missing fields, malformed IMEIs, IMSIs outside the operator's MCC-MNC and MSISDNs outside the country, and the "
                + "row count against the operator's recent dumps are measured; a dump over a threshold is refused whole (422) with each share in the "
                + "report. An accepted dump is stored all or nothing, and the same file twice is stored once.")
            .Accepts<string>("text/csv", "application/gzip")
            .Produces<DumpResultDto>()
            .Produces<DumpResultDto>(StatusCodes.Status422UnprocessableEntity)
            .Produces<ProblemDto>(StatusCodes.Status401Unauthorized);
        app.MapListApi();
    }

    public static bool IsConfiguredOperator(string name, IConfiguration configuration) =>
        name.Length > 0 && configuration.GetSection(OperatorsSection).GetChildren().Any(o => o.Key == name && o.Value is { Length: > 0 });

    /// <summary>A daily dump as the request body (CSV or gzip), kept in a temporary file while it is checked and stored.</summary>
    private static async Task<IResult> ImportDumpAsync(HttpContext context, IConfiguration configuration, ISightingsDumpImport importer, CancellationToken cancellation)
    {
        if (OperatorFor(context.Request.Headers[KeyHeader].ToString(), configuration) is not { } operatorName)
        {
            return Results.Json(new ProblemDto("کلید دسترسی اپراتور معتبر نیست."), statusCode: StatusCodes.Status401Unauthorized);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDumpBytes;
        }

        var started = Stopwatch.GetTimestamp();
        var file = System.IO.Path.GetTempFileName();
        try
        {
            await using (var target = File.Create(file))
            {
                await context.Request.Body.CopyToAsync(target, cancellation);
            }

            var report = await importer.ImportAsync(operatorName, file, cancellation);
            var result = new DumpResultDto(report.Outcome.ToString(), DumpMessage(report), report.Sha256, report.Rows, report.Stored, report.Duplicates,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                report.Checks.Select(c => new DumpCheckDto(c.Name, c.Rows, c.Share, c.Threshold, c.Passed)).ToList());
            return report.Outcome is DumpOutcome.Imported or DumpOutcome.AlreadyImported
                ? Results.Ok(result)
                : Results.Json(result, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string DumpMessage(DumpReport report) => report.Outcome switch
    {
        DumpOutcome.Imported => "فایل ثبت شد.",
        DumpOutcome.AlreadyImported => "این فایل پیش‌تر ثبت شده است؛ دوباره ذخیره نشد.",
        DumpOutcome.Refused => "فایل به‌خاطر گذشتن از آستانه بررسی‌ها به‌طور کامل رد شد و هیچ رکوردی ذخیره نشد.",
        _ => $"فایل خوانا نیست: {report.Problem}",
    };

    private static async Task<IResult> RecordAsync(HttpContext context, IConfiguration configuration, IMessageBus bus, CancellationToken cancellation)
    {
        if (OperatorFor(context.Request.Headers[KeyHeader].ToString(), configuration) is not { } operatorName)
        {
            return Results.Json(new ProblemDto("کلید دسترسی اپراتور معتبر نیست."), statusCode: StatusCodes.Status401Unauthorized);
        }

        BatchDto? batch;
        try
        {
            batch = await context.Request.ReadFromJsonAsync<BatchDto>(cancellation);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return Results.BadRequest(new ProblemDto("بدنه درخواست JSON معتبر نیست."));
        }

        if (batch?.Observations is not { Count: > 0 } observations)
        {
            return Results.BadRequest(new ProblemDto("هیچ رکوردی در درخواست نیست."));
        }

        if (observations.Count > RecordAttachObservations.MaxRecords)
        {
            return Results.BadRequest(new ProblemDto($"هر درخواست حداکثر {Display.Number(RecordAttachObservations.MaxRecords)} رکورد می‌تواند داشته باشد."));
        }

        var command = new RecordAttachObservations(operatorName,
            observations.Select(o => o is null ? null : new AttachObservationRecord(o.Imei, o.Imsi, o.Msisdn, o.ObservedAt)).ToList());
        if (bus is IMessageContext messages)
        {
            messages.UserName = $"operator {operatorName}";
        }

        var started = Stopwatch.GetTimestamp();
        var result = await bus.InvokeAsync<AttachObservationsResult>(command, cancellation);
        return Results.Ok(Describe(result, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }

    private static BatchResultDto Describe(AttachObservationsResult result, long elapsedMilliseconds)
    {
        var records = result.Records.Select(r => new RecordResultDto(r.Index, r.Outcome.ToString(), MessageFor(r.Outcome))).ToList();
        return new BatchResultDto(
            result.Records.Count(r => r.Outcome.IsStored()),
            result.Records.Count(r => r.Outcome == ObservationOutcome.Duplicate),
            result.Records.Count(r => r.Outcome.IsRefused()),
            elapsedMilliseconds,
            records);
    }

    private static string MessageFor(ObservationOutcome outcome) => outcome switch
    {
        ObservationOutcome.Stored => "ثبت شد.",
        ObservationOutcome.StoredWithMalformedImei => "ثبت شد، اما IMEI آن معتبر نیست و بررسی نمی‌شود.",
        ObservationOutcome.Duplicate => "این رکورد پیش‌تر ثبت شده است.",
        ObservationOutcome.EmptyRecord => "رکورد خالی است.",
        ObservationOutcome.MissingImei => "IMEI ندارد.",
        ObservationOutcome.MissingImsi => "IMSI ندارد.",
        ObservationOutcome.MissingMsisdn => "شماره سیم‌کارت (MSISDN) ندارد.",
        ObservationOutcome.MissingObservedAt => "زمان رؤیت (observedAt) ندارد.",
        ObservationOutcome.InvalidImei => $"IMEI معتبر نیست (بیش از {Display.Number(RecordAttachObservations.MaxImeiLength)} نویسه یا نویسه کنترلی).",
        ObservationOutcome.InvalidImsi => "IMSI معتبر نیست (باید ۶ تا ۱۵ رقم باشد).",
        ObservationOutcome.InvalidMsisdn => "شماره سیم‌کارت (MSISDN) یک شماره همراه ایران نیست.",
        ObservationOutcome.InTheFuture => "زمان رؤیت بیش از ۵ دقیقه در آینده است.",
        ObservationOutcome.OlderThanRetention => "زمان رؤیت از دوره نگهداری رؤیت‌ها قدیمی‌تر است.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static string? OperatorFor(string key, IConfiguration configuration) => ApiKeys.NameFor(key, configuration.GetSection(OperatorsSection));
}
