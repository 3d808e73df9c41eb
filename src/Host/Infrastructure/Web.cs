using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hamta.Host.Information;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Hamta.Host.Infrastructure;

public static class Web
{
    public static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa-IR");

    /// <summary>Razor Pages in Persian first: every page needs a signed-in subscriber unless it says otherwise.</summary>
    public static void AddHamtaWeb(this IServiceCollection services)
    {
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<InformationPages>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Persian);
            options.SupportedCultures = [Persian];
            options.SupportedUICultures = [Persian];
        });

        services.AddRazorPages(options => options.Conventions.Add(new PageAccessConvention()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new ActorRelay());
            });
    }
}
