using System.Diagnostics.Metrics;
using Hamta.Kernel.Reads;
using Marten;
using SessionOptions = Marten.Services.SessionOptions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// The reads that may go to a standby (<see cref="IStandbyReads"/>) use the second connection string
/// <c>ConnectionStrings:HamtaReads</c> (<c>Target Session Attributes=prefer-standby</c>) while the standby it
/// reaches is at most <c>Hamta:Standby:MaxStalenessSeconds</c> behind; otherwise, and when that string is not set,
/// they go to the primary like everything else (ADR 0016).
/// </summary>
public static class StandbyReads
{
    public const string ConnectionStringName = "HamtaReads";
    public const string MeterName = "Hamta.Database";

    public static void AddHamtaStandbyReads(this WebApplicationBuilder builder)
    {
        var readsConnectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (readsConnectionString is null)
        {
            builder.Services.AddSingleton<IStandbyReads, PrimaryReads>();
            return;
        }

        var maxStaleness = TimeSpan.FromSeconds(builder.Configuration.GetValue("Hamta:Standby:MaxStalenessSeconds", 5.0));
        builder.Services.AddSingleton(provider => new StandbyLag(
            Persistence.Tuned(readsConnectionString), maxStaleness, provider.GetRequiredService<IDocumentStore>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IMeterFactory>()));
        builder.Services.AddSingleton<IStandbyReads>(provider => provider.GetRequiredService<StandbyLag>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StandbyLag>());
        builder.Services.AddHealthChecks().AddCheck<StandbyHealthCheck>("standby", HealthStatus.Degraded);
    }

    private sealed class PrimaryReads(IDocumentStore store) : IStandbyReads
    {
        public IQuerySession QuerySession() => store.QuerySession();
    }

    /// <summary>
    /// Measures, once a second, how far the server that <c>HamtaReads</c> reaches is behind the primary: zero when
    /// it is the primary or has replayed all it received while streaming, otherwise the age of its last replayed
    /// transaction. Exported as the gauge <c>hamta.db.standby.lag</c> (seconds).
    /// </summary>
    public sealed class StandbyLag : BackgroundService, IStandbyReads
    {
        private const string LagSql = """
            select case
              when not pg_is_in_recovery() then 0
              when exists (select 1 from pg_stat_wal_receiver where status = 'streaming')
                and pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
              else coalesce(extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()), 'Infinity')
            end::float8
            """;

        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
        private readonly string _connectionString;
        private readonly IDocumentStore _store;
        private readonly TimeProvider _clock;
        private readonly Counter<long> _primaryReads;
        private (double Seconds, DateTimeOffset At)? _last;

        public StandbyLag(string connectionString, TimeSpan maxStaleness, IDocumentStore store, TimeProvider clock, IMeterFactory meters)
        {
            _connectionString = connectionString;
            _store = store;
            MaxStaleness = maxStaleness;
            _clock = clock;
            var meter = meters.Create(MeterName);
            meter.CreateObservableGauge("hamta.db.standby.lag", () => _last is { } last ? [new Measurement<double>(last.Seconds)] : Array.Empty<Measurement<double>>(),
                unit: "s", description: "How far the server answering standby reads is behind the primary");
            _primaryReads = meter.CreateCounter<long>("hamta.db.standby.primary_reads", description: "Standby reads sent to the primary because no standby was fresh enough");
        }

        public TimeSpan MaxStaleness { get; }

        /// <summary>The last measured lag, or null when the last measurement failed or is older than three intervals.</summary>
        public TimeSpan? Lag =>
            _last is { } last && _clock.GetUtcNow() - last.At <= 3 * Interval && double.IsFinite(last.Seconds)
                ? TimeSpan.FromSeconds(last.Seconds)
                : null;

        public bool Fresh => Lag is { } lag && lag <= MaxStaleness;

        public IQuerySession QuerySession()
        {
            if (Fresh)
            {
                return _store.QuerySession(SessionOptions.ForConnectionString(_connectionString));
            }

            _primaryReads.Add(1);
            return _store.QuerySession();
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(Interval, _clock);
            do
            {
                _last = await MeasureAsync(stoppingToken) is { } seconds ? (seconds, _clock.GetUtcNow()) : null;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }

        private async Task<double?> MeasureAsync(CancellationToken cancellation)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(cancellation);
                await using var command = new NpgsqlCommand(LagSql, connection) { CommandTimeout = 2 };
                return (double)(await command.ExecuteScalarAsync(cancellation))!;
            }
            catch (NpgsqlException)
            {
                return null;
            }
        }
    }

    /// <summary>Degraded (reads served by the primary) while no standby is within the staleness bound.</summary>
    private sealed class StandbyHealthCheck(StandbyLag lag) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var data = new Dictionary<string, object>
            {
                ["lag_seconds"] = lag.Lag?.TotalSeconds ?? double.NaN,
                ["max_staleness_seconds"] = lag.MaxStaleness.TotalSeconds,
            };
            return Task.FromResult(lag.Fresh
                ? HealthCheckResult.Healthy($"standby reads {lag.Lag!.Value.TotalSeconds:0.###} s behind", data)
                : new HealthCheckResult(context.Registration.FailureStatus, "no standby within the staleness bound: standby reads go to the primary", data: data));
        }
    }
}
