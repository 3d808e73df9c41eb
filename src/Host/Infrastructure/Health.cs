using System.Globalization;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Wolverine.Runtime;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency). <c>/health/ready</c>: the database answers, this node's job
/// server beats, and the dead letters are counted; each check gives up after <see cref="CheckTimeout"/> (ADR 0014).
/// </summary>
public static class Health
{
    /// <summary>
    /// Each readiness check's limit: the checks run side by side, so <c>/health/ready</c> answers within about this
    /// long even while the database does not answer (a frozen server), below the 2 s a load balancer is given.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(1.5);

    private const string Ready = "ready";

    public static void AddHamtaHealthChecks(this IServiceCollection services, HostRole role)
    {
        var checks = services.AddHealthChecks();
        checks.AddBounded<DatabaseHealthCheck>("database");
        checks.AddBounded<DeadLetterHealthCheck>("dead-letters");
        if (role.RunsJobs)
        {
            checks.AddBounded<JobServerHealthCheck>("job-server");
        }
    }

    private static void AddBounded<T>(this IHealthChecksBuilder checks, string name)
        where T : class, IHealthCheck =>
        checks.Add(new HealthCheckRegistration(
            name,
            provider => new BoundedHealthCheck(ActivatorUtilities.CreateInstance<T>(provider), CheckTimeout, provider.GetRequiredService<TimeProvider>()),
            null,
            [Ready],
            CheckTimeout));

    public static void MapHamtaHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = IsReadiness, ResponseWriter = WriteDetailsAsync });
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = IsReadiness });
    }

    private static bool IsReadiness(HealthCheckRegistration registration) => registration.Tags.Contains(Ready);

    private static Task WriteDetailsAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            seconds = report.TotalDuration.TotalSeconds,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                seconds = e.Value.Duration.TotalSeconds,
                data = e.Value.Data,
            }),
        }));
    }

    private sealed class DatabaseHealthCheck(IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var builder = new NpgsqlConnectionStringBuilder(configuration.ConnectionString())
            {
                Timeout = (int)Math.Ceiling(CheckTimeout.TotalSeconds),
                CommandTimeout = (int)Math.Ceiling(CheckTimeout.TotalSeconds),
                Pooling = false,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }

    /// <summary>Degraded while messages wait in the dead letters: an admin should look at /staff/dead-letters.</summary>
    private sealed class DeadLetterHealthCheck(IWolverineRuntime runtime) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var counts = await runtime.Storage.Admin.FetchCountsAsync();
            var data = new Dictionary<string, object>
            {
                ["deadLetters"] = counts.DeadLetter,
                ["incoming"] = counts.Incoming,
                ["scheduled"] = counts.Scheduled,
                ["outgoing"] = counts.Outgoing,
            };
            return counts.DeadLetter == 0
                ? HealthCheckResult.Healthy("no dead letters", data)
                : HealthCheckResult.Degraded($"{counts.DeadLetter} dead letter(s)", data: data);
        }
    }

    /// <summary>Healthy while this node's Hangfire server is registered and beating.</summary>
    private sealed class JobServerHealthCheck(JobStorage storage, TimeProvider clock) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var servers = storage.GetMonitoringApi().Servers();
            var alive = servers.Any(s => s.Heartbeat is { } beat && clock.GetUtcNow().UtcDateTime - beat < Jobs.ServerTimeout);
            return Task.FromResult(alive
                ? HealthCheckResult.Healthy($"{servers.Count} job server(s)")
                : HealthCheckResult.Degraded("no live job server"));
        }
    }
}

/// <summary>
/// A check that may not honour cancellation (a frozen server, a synchronous API) run on its own and waited for at most
/// <paramref name="limit"/> on <paramref name="clock"/>: then it is Unhealthy, whatever the check still does.
/// </summary>
public sealed class BoundedHealthCheck(IHealthCheck check, TimeSpan limit, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Task.Run(() => check.CheckHealthAsync(context, cancellationToken), cancellationToken).WaitAsync(limit, clock, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"no answer within {limit.TotalSeconds:0.#} s"));
        }
        catch (Exception e) when (TransientErrors.IsTransient(e))
        {
            return HealthCheckResult.Unhealthy(e.GetType().Name);
        }
    }
}
