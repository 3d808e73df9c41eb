using Scalar.AspNetCore;

namespace Hamta.Host.Api;

/// <summary>
/// The operator API described for operators' developers: the OpenAPI document at <c>/openapi/v1.json</c> and a
/// readable reference page at <c>/scalar</c>, its script served by the app itself (ADR 18).
/// </summary>
public static class OperatorApiReference
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/scalar";

    public static void AddHamtaOperatorApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Hamta operator API — API اپراتورهای همتا";
            document.Info.Description =
                "سامانه همتا: گزارش رؤیت IMEI–IMSI–MSISDN در شبکه، دسته‌ای (تا ۱۰٬۰۰۰ رکورد) یا فایل روزانه؛ و دریافت فهرست‌های مسدودی، "
                + "اطلاع‌رسانی و استثنا برای EIR، کامل (CSV) یا تغییرات از یک نسخه (JSON). "
                + $"هر درخواست کلید اپراتور را در سرآیند {OperatorApi.KeyHeader} می‌فرستد.\n\n"
                + "Hamta, the national mobile-device registry: operators report network sightings (IMEI, IMSI, MSISDN, time) "
                + "in batches of up to 10,000 records or as a daily dump file, and fetch the block, notification and exception lists for their EIRs, "
                + $"whole (CSV) or as the changes since a version (JSON). Every request carries the operator's key in the {OperatorApi.KeyHeader} header.";
            return Task.CompletedTask;
        }));

    public static void MapHamtaOperatorApiReference(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference(PagePath, options => options.WithTitle("Hamta operator API"));
    }
}
