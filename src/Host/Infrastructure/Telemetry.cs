using System.Diagnostics.Metrics;
using System.Net;
using Hamta.Enforcement.Contracts;
using Hamta.Host.Identity;
using Hamta.Kernel.Telemetry;
using Hamta.Tickets.Contracts;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Wolverine;
using Wolverine.Runtime;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// OpenTelemetry (ADR 0014): metrics of ASP.NET Core, the runtime, Npgsql, Marten and Wolverine and Hamta's own,
/// in Prometheus format at <c>/metrics</c>; traces of requests and messages, whose ids the logs carry.
/// </summary>
public static partial class Telemetry
{
    public const string MeterName = HamtaMeter.Name;
    public const string MetricsPath = "/metrics";
    public const string MetricsPolicy = "Metrics";

    private static readonly string[] Sources = ["Npgsql", "Marten", "Wolverine"];

    public static void AddHamtaTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HamtaGauges>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<HamtaGauges>());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("hamta"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MeterName, $"{MeterName}.*")
                .AddMeter(Sources)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddSource(Sources));

        var allowed = (builder.Configuration["Hamta:Metrics:AllowedAddresses"] ?? "127.0.0.1,::1")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPAddress.Parse)
            .ToHashSet();
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, policy => policy
            .AddAuthenticationSchemes(StaffPolicies.Scheme)
            .RequireAssertion(context => context.User.IsInRole(StaffRoles.Admin)
                || (context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } address
                    && allowed.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))));
    }

    /// <summary>The scrape endpoint: from the configured addresses (the Prometheus server) or for a signed-in admin.</summary>
    public static void MapHamtaMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(MetricsPolicy);

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);

    /// <summary>
    /// Hamta's gauges, sampled from the database every few seconds (a scrape never waits on the database): the
    /// messages waiting in the inbox and outbox, the dead letters, the tickets awaiting network evidence, and how far the
    /// classification lags behind the network (its age grows between samples: it is read from the clock at each scrape).
    /// </summary>
    public sealed partial class HamtaGauges : BackgroundService
    {
        private readonly TimeSpan every;
        private readonly IWolverineRuntime runtime;
        private readonly IServiceScopeFactory scopes;
        private readonly ILogger<HamtaGauges> logger;
        private long incoming;
        private long scheduled;
        private long outgoing;
        private long deadLetters;
        private long awaitingEvidence;
        private long classifiedUntilTicks;

        public HamtaGauges(
            IMeterFactory meters, IWolverineRuntime runtime, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<HamtaGauges> logger)
        {
            (this.runtime, this.scopes, this.logger) = (runtime, scopes, logger);
            every = TimeSpan.FromSeconds(configuration.GetValue("Hamta:Metrics:SampleSeconds", 10.0));
            var meter = meters.Create(MeterName);
            meter.CreateObservableGauge("hamta.messages.waiting", () => new[]
            {
                new Measurement<long>(Interlocked.Read(ref incoming), new KeyValuePair<string, object?>("box", "incoming")),
                new Measurement<long>(Interlocked.Read(ref scheduled), new KeyValuePair<string, object?>("box", "scheduled")),
                new Measurement<long>(Interlocked.Read(ref outgoing), new KeyValuePair<string, object?>("box", "outgoing")),
            }, "{message}", "Messages waiting in the durable inbox (to handle now or later) and outbox");
            meter.CreateObservableGauge("hamta.dead_letters", () => Interlocked.Read(ref deadLetters), "{message}",
                "Messages that failed for good, waiting for an admin at /staff/dead-letters");
            meter.CreateObservableGauge("hamta.tickets.awaiting_evidence", () => Interlocked.Read(ref awaitingEvidence), "{ticket}",
                "IMEI-mismatch tickets waiting for the network to see the phone");
            meter.CreateObservableGauge("hamta.enforcement.classification_lag",
                () => Interlocked.Read(ref classifiedUntilTicks) is > 0 and var until
                    ? [new Measurement<double>((clock.GetUtcNow().UtcTicks - until) / (double)TimeSpan.TicksPerSecond)]
                    : Array.Empty<Measurement<double>>(),
                "s", "Seconds since the moment up to which the last applied full classification run covered the sightings");
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (every <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SampleAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A gauge is not worth the node: the next sample may succeed (the schema being created, the database back).
                    NotSampled(logger, e);
                }
            }
        }

        /// <summary>Reads every gauge's figure from the database now.</summary>
        public async Task SampleAsync(CancellationToken cancellation)
        {
            var counts = await runtime.Storage.Admin.FetchCountsAsync();
            Interlocked.Exchange(ref incoming, counts.Incoming);
            Interlocked.Exchange(ref scheduled, counts.Scheduled);
            Interlocked.Exchange(ref outgoing, counts.Outgoing);
            Interlocked.Exchange(ref deadLetters, counts.DeadLetter);
            await using var scope = scopes.CreateAsyncScope();
            var waiting = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<AgentTicketPage>(
                new FindTicketsForAgents(TicketStatus.AwaitingNetworkEvidence, null, null, null, null, 1, 1), cancellation);
            Interlocked.Exchange(ref awaitingEvidence, waiting.Total);
            var coverage = await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<ClassificationCoverage>(new GetClassificationCoverage(), cancellation);
            Interlocked.Exchange(ref classifiedUntilTicks, coverage.CoveredUntil?.UtcTicks ?? 0);
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Hamta's gauges were not sampled this time")]
        private static partial void NotSampled(ILogger logger, Exception exception);
    }
}
