using System.Text.Json;
using Hamta.Host.Api;
using Hamta.Kernel.Identifiers;

namespace Hamta.Host.Ussd;

/// <summary>The endpoint of the SMS/USSD aggregator, authenticated by a key per gateway (<c>Hamta:Gateways:&lt;name&gt;</c>).</summary>
public static class UssdApi
{
    public const string Path = "/api/ussd/inquiry";
    public const string KeyHeader = "X-Gateway-Key";
    public const string GatewaysSection = "Hamta:Gateways";

    public sealed record UssdRequest(string? Msisdn, string? Text);

    public sealed record UssdReply(string Reply);

    public static IServiceCollection AddHamtaUssd(this IServiceCollection services) =>
        services.AddSingleton<UssdLimits>().AddScoped<UssdInquiry>();

    public static void MapUssdInquiry(this WebApplication app) =>
        app.MapPost(Path, AnswerAsync).DisableAntiforgery();

    private static async Task<IResult> AnswerAsync(HttpContext context, IConfiguration configuration, UssdInquiry inquiry, CancellationToken cancellation)
    {
        if (!KnownGateway(context.Request.Headers[KeyHeader].ToString(), configuration))
        {
            return Results.Json(new UssdReply("کلید دسترسی درگاه معتبر نیست."), statusCode: StatusCodes.Status401Unauthorized);
        }

        UssdRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<UssdRequest>(cancellation);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return Results.BadRequest(new UssdReply("بدنه درخواست JSON معتبر نیست."));
        }

        if (!MobileNumber.TryNormalize(request?.Msisdn, out var mobile))
        {
            return Results.BadRequest(new UssdReply("شماره همراه فرستنده معتبر نیست."));
        }

        var answer = await inquiry.AnswerAsync(mobile, request!.Text, cancellation);
        if (answer.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new UssdReply(answer.Reply), statusCode: StatusCodes.Status429TooManyRequests);
        }

        return Results.Ok(new UssdReply(answer.Reply));
    }

    private static bool KnownGateway(string key, IConfiguration configuration) => ApiKeys.NameFor(key, configuration.GetSection(GatewaysSection)) is not null;
}
