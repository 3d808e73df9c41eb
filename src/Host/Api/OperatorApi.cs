using System.Security.Cryptography;
using System.Text;
using Hamta.Sim.Contracts;
using Hamta.Host.Infrastructure;
using Wolverine;

namespace Hamta.Host.Api;

/// <summary>The operators' machine API: batches of network-attach observations, authenticated by an API key per operator.</summary>
public static class OperatorApi
{
    public const string Path = "/api/operator/attach-observations";
    public const string KeyHeader = "X-Api-Key";
    public const string OperatorsSection = "Hamta:Operators";

    public sealed record ObservationDto(string? Imei, string? Imsi, string? Msisdn, DateTimeOffset? ObservedAt);

    public sealed record BatchDto(IReadOnlyList<ObservationDto?>? Observations);

    public sealed record RecordResultDto(int Index, string Outcome, string Message);

    public sealed record BatchResultDto(int Stored, int Duplicates, int Rejected, IReadOnlyList<RecordResultDto> Records);

    public sealed record ProblemDto(string Message);

    public static void MapOperatorApi(this WebApplication app) =>
        app.MapPost(Path, RecordAsync).DisableAntiforgery().RequireRateLimiting(Identity.IdentityRegistration.OperatorRateLimit);

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
            return Results.BadRequest(new ProblemDto($"هر درخواست حداکثر {RecordAttachObservations.MaxRecords} رکورد می‌تواند داشته باشد."));
        }

        var command = new RecordAttachObservations(operatorName, observations.Select(o => o is null ? null : new AttachObservationRecord(o.Imei, o.Imsi, o.Msisdn, o.ObservedAt)).ToList());
        try
        {
            if (bus is IMessageContext messages)
            {
                messages.UserName = $"operator {operatorName}";
            }

            var result = await bus.InvokeAsync<AttachObservationsResult>(command, cancellation);
            return Results.Ok(Describe(result));
        }
        catch (Exception exception) when (DuplicateClaims.Caused(exception))
        {
            return Results.Conflict(new ProblemDto("رکوردهایی از این دسته هم‌زمان ثبت شد. لطفا دسته را دوباره بفرستید؛ رکورد تکراری دوباره ذخیره نمی‌شود."));
        }
    }

    private static BatchResultDto Describe(AttachObservationsResult result)
    {
        var records = result.Records.Select(r => new RecordResultDto(r.Index, r.Outcome.ToString(), MessageFor(r.Outcome))).ToList();
        return new BatchResultDto(
            result.Records.Count(r => r.Outcome is ObservationOutcome.Stored or ObservationOutcome.StoredWithMalformedImei),
            result.Records.Count(r => r.Outcome == ObservationOutcome.Duplicate),
            result.Records.Count(r => r.Outcome is ObservationOutcome.UnknownMsisdn or ObservationOutcome.MissingFields or ObservationOutcome.TooLong),
            records);
    }

    private static string MessageFor(ObservationOutcome outcome) => outcome switch
    {
        ObservationOutcome.Stored => "ثبت شد.",
        ObservationOutcome.StoredWithMalformedImei => "ثبت شد، اما IMEI آن معتبر نیست و بررسی نمی‌شود.",
        ObservationOutcome.Duplicate => "این رکورد پیش‌تر ثبت شده است.",
        ObservationOutcome.UnknownMsisdn => "شماره سیم‌کارت در همتا ثبت نشده است.",
        ObservationOutcome.TooLong => $"IMEI، IMSI و شماره سیم‌کارت هر کدام حداکثر {AttachObservationRecord.MaxFieldLength} نویسه است.",
        _ => "IMEI، IMSI، شماره سیم‌کارت و زمان رؤیت الزامی است.",
    };

    private static string? OperatorFor(string key, IConfiguration configuration)
    {
        if (key.Length == 0)
        {
            return null;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return configuration.GetSection(OperatorsSection).GetChildren()
            .Where(o => o.Value is { Length: > 0 } expected && CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
            .Select(o => o.Key)
            .FirstOrDefault();
    }
}
