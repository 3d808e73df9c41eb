using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hamta.Host.Information;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Hamta.Host.Infrastructure.Forms;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;

namespace Hamta.Host.Infrastructure;

public static class Web
{
    public static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa-IR");

    /// <summary>
    /// How long a page may wait for the database before it gives up and says so: a message's in-process retries
    /// ride a minute-long outage, a person should not wait that long (ADR 0014).
    /// </summary>
    public const string PageTimeout = "page";

    /// <summary>
    /// The longest a subscriber waits for a page that cannot be served: its request is cancelled early enough that the
    /// database driver's cancel request (at most <see cref="Persistence.ConnectTimeoutSeconds"/> to connect and
    /// <see cref="Persistence.CancellationTimeoutSeconds"/> to be answered, against a frozen server) still ends within
    /// it, and the Persian error page is shown.
    /// </summary>
    public static readonly TimeSpan PageAnswerLimit = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan PageCancelledAfter = PageAnswerLimit - TimeSpan.FromSeconds(Persistence.ConnectTimeoutSeconds + Persistence.CancellationTimeoutSeconds);

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

        services.AddRequestTimeouts(options => options.AddPolicy(PageTimeout, PageCancelledAfter));
        services.AddRazorPages(options => options.Conventions.Add(new PageAccessConvention()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new ActorRelay());
                options.Filters.Add<OneTimeForms>();
            });
    }
}
