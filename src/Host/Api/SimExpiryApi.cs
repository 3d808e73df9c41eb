using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;
using Hamta.Sim.Contracts;
using Wolverine;

namespace Hamta.Host.Api;

/// <summary>The operators' feed of expired SIM cards: each number gets its own outcome, and a number sent twice expires once.</summary>
public static class SimExpiryApi
{
    public const string Path = "/api/operator/sim-expiries";
    public const int MaxNumbers = 1_000;

    public sealed record ExpiriesDto(IReadOnlyList<string?>? Numbers);

    public sealed record ExpiryResultDto(int Index, string Outcome, string Message);

    public sealed record ExpiriesResultDto(int Expired, int AlreadyExpired, int Rejected, IReadOnlyList<ExpiryResultDto> Records);

    public static void MapSimExpiryApi(this WebApplication app) =>
        app.MapPost(Path, ExpireAsync).DisableAntiforgery().RequireRateLimiting(Identity.IdentityRegistration.OperatorRateLimit)
            .WithName("ExpireSimCards")
            .WithSummary("انقضای سیم‌کارت‌ها — Report expired SIM cards")
            .WithDescription(
                "شماره سیم‌کارت‌هایی که منقضی شده‌اند (حداکثر ۱۰۰۰ در هر درخواست، به هر شکل رایج شماره همراه ایران). دستگاه‌های هر سیم‌کارت به سیم‌کارت "
                + "فعال دیگری از همان کد ملی منتقل می‌شوند، یا بدون مالک می‌مانند. هر شماره نتیجه خودش را می‌گیرد: منقضی شد، پیش‌تر منقضی شده، ناشناخته "
                + "یا نامعتبر؛ شماره‌ای که دوباره فرستاده شود یک بار منقضی می‌شود.\n\n"
                + "The numbers of SIM cards that expired (at most 1,000 a request, in any usual form of an Iranian mobile number). Each SIM's devices "
                + "move to another active SIM of the same national ID, or are left without an owner. Each number gets its own outcome: Expired, "
                + "AlreadyExpired, UnknownSim or InvalidNumber; a number sent again expires once.")
            .Accepts<ExpiriesDto>("application/json")
            .Produces<ExpiriesResultDto>()
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status400BadRequest)
            .Produces<OperatorApi.ProblemDto>(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> ExpireAsync(HttpContext context, IConfiguration configuration, IMessageBus bus, CancellationToken cancellation)
    {
        if (ApiKeys.NameFor(context.Request.Headers[OperatorApi.KeyHeader].ToString(), configuration.GetSection(OperatorApi.OperatorsSection)) is not { } operatorName)
        {
            return Results.Json(new OperatorApi.ProblemDto("کلید دسترسی اپراتور معتبر نیست."), statusCode: StatusCodes.Status401Unauthorized);
        }

        ExpiriesDto? body;
        try
        {
            body = await context.Request.ReadFromJsonAsync<ExpiriesDto>(cancellation);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return Results.BadRequest(new OperatorApi.ProblemDto("بدنه درخواست JSON معتبر نیست."));
        }

        if (body?.Numbers is not { Count: > 0 } numbers)
        {
            return Results.BadRequest(new OperatorApi.ProblemDto("هیچ شماره‌ای در درخواست نیست."));
        }

        if (numbers.Count > MaxNumbers)
        {
            return Results.BadRequest(new OperatorApi.ProblemDto($"هر درخواست حداکثر {Display.Number(MaxNumbers)} شماره می‌تواند داشته باشد."));
        }

        var records = new List<ExpiryResultDto>(numbers.Count);
        for (var index = 0; index < numbers.Count; index++)
        {
            var outcome = MobileNumber.TryNormalize(numbers[index], out var number)
                ? (await bus.InvokeAsync<SimExpiryResult>(new ExpireSimCard(number, $"operator {operatorName}"), cancellation)).Outcome.ToString()
                : "InvalidNumber";
            records.Add(new ExpiryResultDto(index, outcome, MessageFor(outcome)));
        }

        return Results.Ok(new ExpiriesResultDto(
            records.Count(r => r.Outcome == nameof(SimExpiryOutcome.Expired)),
            records.Count(r => r.Outcome == nameof(SimExpiryOutcome.AlreadyExpired)),
            records.Count(r => r.Outcome is nameof(SimExpiryOutcome.UnknownSim) or "InvalidNumber"),
            records));
    }

    private static string MessageFor(string outcome) => outcome switch
    {
        nameof(SimExpiryOutcome.Expired) => "منقضی شد.",
        nameof(SimExpiryOutcome.AlreadyExpired) => "پیش‌تر منقضی شده است.",
        nameof(SimExpiryOutcome.UnknownSim) => "این سیم‌کارت در همتا ثبت نشده است.",
        _ => "شماره همراه ایران معتبر نیست.",
    };
}
