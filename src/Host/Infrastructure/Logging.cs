using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Hamta.Host.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog from configuration, with phone numbers, national IDs and codes masked in every property
    /// and in the text of every exception before any sink sees them; every line carries the trace and
    /// span of the request or message it belongs to, the ids OpenTelemetry gives the same work. Each host
    /// keeps its own logger: the static one is left alone, so a second host in the same process (the tests'
    /// production host) cannot close the first one's logging when it stops.
    /// </summary>
    public static void AddHamtaLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.With<SensitiveDataMasking>()
            .WriteTo.Sink(new MaskedExceptions(new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .ReadFrom.Services(services)
                .WriteTo.Console(outputTemplate: OutputTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .CreateLogger())), preserveStaticLogger: true);

    /// <summary>One line per request, written by this host's logger (not the process's static one).</summary>
    public static void UseHamtaRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());

    /// <summary>Hands every event on with its exception's text (messages, inner exceptions, stack) masked.</summary>
    private sealed class MaskedExceptions(Logger sinks) : ILogEventSink, IDisposable
    {
        public void Emit(LogEvent logEvent) => sinks.Write(logEvent.Exception is null ? logEvent : new LogEvent(
            logEvent.Timestamp, logEvent.Level, new MaskedException(logEvent.Exception), logEvent.MessageTemplate,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)), logEvent.TraceId ?? default, logEvent.SpanId ?? default));

        public void Dispose() => sinks.Dispose();
    }

    private sealed class MaskedException(Exception original) : Exception(SensitiveDataMasking.MaskText(original.Message))
    {
        private readonly string text = SensitiveDataMasking.MaskText(original.ToString());

        public override string ToString() => text;
    }

    private const string OutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {TraceId} {SpanId} {Message:lj}{NewLine}{Exception}";
}
