using Serilog;

namespace Hamta.Host.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog from configuration, with phone numbers, national IDs and codes masked; every line carries the trace and
    /// span of the request or message it belongs to, the ids OpenTelemetry gives the same work (ADR 0014).
    /// </summary>
    public static void AddHamtaLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<SensitiveDataMasking>()
            .WriteTo.Console(outputTemplate: OutputTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture));

    private const string OutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {TraceId} {SpanId} {Message:lj}{NewLine}{Exception}";
}
