using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hamta.Enforcement.Contracts;
using Hamta.Kernel.Text;

namespace Hamta.Host.Api;

/// <summary>
/// The operators' EIR lists (ADR 24), with the operator's key: each list whole as streamed CSV, or the delta since a
/// version the operator already has as JSON. The block list is the same for every operator; the notification and
/// exception lists are the asking operator's own.
/// </summary>
public static class ListApi
{
    public const string Path = "/api/operator/lists/{list}";
    public const string DeltaPath = "/api/operator/lists/{list}/delta";
    public const string VersionHeader = "X-List-Version";

    public sealed record ListRowDto(string Imei, string? Imsi, string? Msisdn, string? Condition, string? Reason, DateTimeOffset? Deadline);

    public sealed record DeltaDto(string List, long Since, long Version, IReadOnlyList<ListRowDto> Removes, IReadOnlyList<ListRowDto> Adds);

    public static void MapListApi(this WebApplication app)
    {
        app.MapGet(Path, FullListAsync).RequireRateLimiting(Identity.IdentityRegistration.OperatorRateLimit)
            .WithName("GetEnforcementList")
            .WithSummary("فهرست کامل — A whole list, as CSV")
            .WithDescription(
                "فهرست block (مسدودی: imei,condition,reason)، notification (اطلاع‌رسانی: imei,imsi,msisdn,condition,reason,deadline) یا exception "
                + "(استثنا: imei,imsi) به‌صورت CSV با سطر عنوان. فهرست مسدودی برای همه اپراتورها یکی است؛ دو فهرست دیگر فقط مشترکان اپراتور "
                + $"(بر پایه پیشوند MCC-MNC شناسه IMSI) را دارند. سرآیند {VersionHeader} نسخه فهرست را می‌گوید. IMEI با هر ردیف مسدودی که داشته باشد مسدود است.\n\n"
                + "The block list (imei,condition,reason), notification list (imei,imsi,msisdn,condition,reason,deadline) or exception list (imei,imsi) "
                + "as CSV with a header row, streamed. The block list is the same for every operator; the other two hold only the operator's own "
                + $"subscribers (by the MCC-MNC prefixes of their IMSIs). The {VersionHeader} header gives the list's version. An IMEI is blocked while "
                + "any row of the block list names it.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status401Unauthorized)
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status404NotFound);
        app.MapGet(DeltaPath, DeltaAsync).RequireRateLimiting(Identity.IdentityRegistration.OperatorRateLimit)
            .WithName("GetEnforcementListDelta")
            .WithSummary("تغییرات از یک نسخه — The changes since a version, as JSON")
            .WithDescription(
                "ردیف‌هایی که از نسخه since تا نسخه کنونی باید حذف (removes) و سپس افزوده (adds) شوند؛ هر ردیف یک بار می‌آید و ردیفی که در این "
                + "میان افزوده و دوباره حذف شده نمی‌آید. since=0 همه فهرست را می‌دهد. نسخه‌ای که هنوز منتشر نشده یا عدد نیست خطای ۴۰۰ می‌گیرد. "
                + "تغییرات هر نسخه ۳۰ روز (تنظیم Hamta:Enforcement:Lists:DeltaRetentionDays) نگه داشته می‌شود؛ درخواست تغییرات از نسخه‌ای قدیمی‌تر "
                + "خطای ۴۱۰ می‌گیرد و اپراتور فهرست کامل را می‌گیرد و تغییرات را از نسخه آن می‌خواهد.\n\n"
                + "The rows to remove, then to add, to go from version since to the current version; each row comes once, and a row added and "
                + "removed again in between does not come at all. since=0 gives the whole list. A version not yet published, or not a number, is a 400. "
                + "Each version's changes are kept for Hamta:Enforcement:Lists:DeltaRetentionDays (30 days by default): a delta from an older version "
                + "is a 410, and the operator fetches the whole list and asks for deltas from its version.")
            .Produces<DeltaDto>()
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status400BadRequest)
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status410Gone)
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status401Unauthorized)
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> FullListAsync(string list, HttpContext context, IConfiguration configuration, IOperatorLists lists, CancellationToken cancellation)
    {
        var (operatorName, enforcementList, problem) = Check(list, context, configuration);
        if (problem is not null)
        {
            return problem;
        }

        await using var read = await lists.OpenAsync(enforcementList!.Value, operatorName!, cancellation);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers[VersionHeader] = read.Version.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{list}-{read.Version}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 64 * 1024);
        await read.CopyCsvAsync(writer, cancellation);
        await writer.FlushAsync(cancellation);
        return Results.Empty;
    }

    private static async Task<IResult> DeltaAsync(string list, string? since, HttpContext context, IConfiguration configuration, IOperatorLists lists,
        CancellationToken cancellation)
    {
        var (operatorName, enforcementList, problem) = Check(list, context, configuration);
        if (problem is not null)
        {
            return problem;
        }

        var typed = since?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return Results.BadRequest(new OperatorApi.ProblemDto("نسخه‌ای را که دارید در پارامتر since بدهید (برای همه فهرست: since=0)."));
        }

        if (!typed.All(char.IsDigit)
            || !long.TryParse(DigitNormalizer.Normalize(typed), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Results.BadRequest(new OperatorApi.ProblemDto("پارامتر since باید شماره نسخه (عدد صحیح نامنفی) باشد."));
        }

        await using var read = await lists.OpenAsync(enforcementList!.Value, operatorName!, cancellation);
        if (version > read.Version)
        {
            return Results.BadRequest(new OperatorApi.ProblemDto(
                $"نسخه {Display.Number(version)} هنوز منتشر نشده است؛ آخرین نسخه این فهرست {Display.Number(read.Version)} است."));
        }

        if (!await read.KeepsChangesSinceAsync(version, cancellation))
        {
            return Results.Json(new OperatorApi.ProblemDto(
                $"تغییرات پس از نسخه {Display.Number(version)} دیگر نگه داشته نمی‌شود؛ فهرست کامل را بگیرید و تغییرات بعدی را از نسخه آن بخواهید."),
                statusCode: StatusCodes.Status410Gone);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers[VersionHeader] = read.Version.ToString(CultureInfo.InvariantCulture);
        // Persian reasons as UTF-8, not \u escapes: a third of the bytes. The response is JSON, never HTML.
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await read.WriteDeltaAsync(json, version, cancellation);
        return Results.Empty;
    }

    private static (string? Operator, EnforcementList? List, IResult? Problem) Check(string list, HttpContext context, IConfiguration configuration)
    {
        if (ApiKeys.NameFor(context.Request.Headers[OperatorApi.KeyHeader].ToString(), configuration.GetSection(OperatorApi.OperatorsSection)) is not { } operatorName)
        {
            return (null, null, Results.Json(new OperatorApi.ProblemDto("کلید دسترسی اپراتور معتبر نیست."), statusCode: StatusCodes.Status401Unauthorized));
        }

        return EnforcementLists.Parse(list) is { } known
            ? (operatorName, known, null)
            : (operatorName, null, Results.Json(
                new OperatorApi.ProblemDto($"فهرستی به این نام نیست؛ فهرست‌ها: {string.Join("، ", EnforcementLists.All.Select(l => l.Name()))}."),
                statusCode: StatusCodes.Status404NotFound));
    }
}
