using System.Text.Json;
using Hamta.Host.Api;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// How errors reach a caller: people get the Persian error page, with no stack trace (in Development too,
/// unless a developer opts into the exception page with <c>Hamta:DeveloperExceptionPage</c>); machines calling
/// <c>/api</c> get a JSON problem in every environment.
/// </summary>
public static class ErrorResponses
{
    public const string ApiPrefix = "/api";

    public static void UseHamtaErrorResponses(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api.UseExceptionHandler(handler => handler.Run(WriteApiProblemAsync)));
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!(app.Environment.IsDevelopment() && app.Configuration.GetValue("Hamta:DeveloperExceptionPage", false)))
            {
                pages.UseExceptionHandler("/Error");
            }

            pages.UseStatusCodePagesWithReExecute("/Error");
        });
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(ApiPrefix);

    private static Task WriteApiProblemAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return context.Response.WriteAsJsonAsync(
            new OperatorApi.ProblemDto("درخواست انجام نشد. لطفا کمی بعد دوباره بفرستید؛ رکورد تکراری دوباره ذخیره نمی‌شود."),
            JsonSerializerOptions.Web,
            "application/problem+json");
    }
}
