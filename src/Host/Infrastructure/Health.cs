using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Hamta.Host.Infrastructure;

public static class Health
{
    public static void AddHamtaHealthChecks(this IServiceCollection services, HostRole role)
    {
        var checks = services.AddHealthChecks()
            .AddNpgSql(provider => provider.GetRequiredService<NpgsqlDataSource>(), name: "database");
        if (role.RunsJobs)
        {
            checks.AddCheck<JobServerHealthCheck>("job-server");
        }
    }

    public static void MapHamtaHealthChecks(this WebApplication app) => app.MapHealthChecks("/health");

    /// <summary>Healthy while this node's Hangfire server is registered and beating.</summary>
    private sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
    {
        private static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Any(s => s.Heartbeat is { } beat && clock.GetUtcNow().UtcDateTime - beat < Stale);
            return Task.FromResult(alive
                ? HealthCheckResult.Healthy($"{servers.Count} job server(s)")
                : HealthCheckResult.Unhealthy("no live job server"));
        }
    }
}
