using Serilog;

namespace Hamta.Host.Infrastructure;

public static class Logging
{
    /// <summary>Serilog from configuration, with phone numbers, national IDs and codes masked.</summary>
    public static void AddHamtaLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<SensitiveDataMasking>()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
}
