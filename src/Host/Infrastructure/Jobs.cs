using Hamta.Host.Identity;
using Hamta.Host.Infrastructure.Forms;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;

namespace Hamta.Host.Infrastructure;

public static class Jobs
{
    public const string DashboardPath = "/hangfire";

    /// <summary>Every job server beats this often; one silent for <see cref="ServerTimeout"/> is removed as dead (ADR 0014).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Hangfire keeps its jobs in the <c>hangfire</c> schema of the same database (ADR 0003).</summary>
    public static void AddHamtaJobs(this WebApplicationBuilder builder, HostRole role)
    {
        var connectionString = builder.Configuration.ConnectionString();
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    // A job fetched by a node that died is handed to another within seconds, not after half an hour (ADR 0014).
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(30),
                }));

        builder.Services.AddScoped<TicketJobs>();
        builder.Services.AddHostedService<TicketJobSchedule>();
        builder.Services.AddScoped<NetworkJobs>();
        builder.Services.AddHostedService<NetworkJobSchedule>();
        builder.Services.AddScoped<EnforcementJobs>();
        builder.Services.AddHostedService<EnforcementJobSchedule>();
        builder.Services.AddScoped<StatisticsJobs>();
        builder.Services.AddHostedService<StatisticsJobSchedule>();
        builder.Services.AddScoped<ListJobs>();
        builder.Services.AddHostedService<ListJobSchedule>();
        builder.Services.AddScoped<FormAnswerJobs>();
        builder.Services.AddHostedService<FormAnswerJobSchedule>();
        if (role.RunsJobs)
        {
            builder.Services.AddHangfireServer(options =>
            {
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                options.HeartbeatInterval = HeartbeatInterval;
                options.ServerTimeout = ServerTimeout;
                options.ServerCheckInterval = TimeSpan.FromSeconds(5);
            });
        }
    }

    /// <summary>The dashboard is for admins only: anonymous → staff login, agent → 403.</summary>
    public static void MapHamtaJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
            {
                Authorization = [],
                DisplayStorageConnectionString = false,
                AppPath = "/staff",
                DashboardTitle = "Hamta",
            })
            .RequireAuthorization(StaffPolicies.Admin);
}

/// <summary>
/// Puts recurring jobs on Hangfire's schedule, from configuration, once the node serves: a distributed lock and a
/// transaction per job (0.3–0.5 s on a loaded machine) that a restarted node does not wait on (ADR 0014). A node killed
/// while it held a job's lock leaves it taken until Hangfire lets it expire: the schedule is then tried again every
/// <see cref="RetryAfter"/> in the background (the jobs stay on the schedule an earlier start put them on), and the
/// node keeps serving.
/// </summary>
public abstract partial class RecurringJobSchedule(IRecurringJobManager manager, IConfiguration configuration, ILogger<RecurringJobSchedule> logger)
    : IHostedLifecycleService, IDisposable
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource stopping = new();
    private Task scheduling = Task.CompletedTask;

    /// <summary>Done once the jobs are on the schedule (or the node stops first).</summary>
    public Task Scheduled => scheduling;

    protected IRecurringJobManager Manager => manager;

    protected static RecurringJobOptions Utc => new() { TimeZone = TimeZoneInfo.Utc };

    protected string Cron(string job, string fallback) => configuration[$"Hamta:Jobs:{job}"] ?? fallback;

    protected abstract void Schedule();

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        scheduling = Task.Run(() => ScheduleUntilDoneAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await scheduling;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task ScheduleUntilDoneAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                Schedule();
                return;
            }
            catch (Exception e) when (e is PostgreSqlDistributedLockException or DistributedLockTimeoutException || TransientErrors.IsTransient(e))
            {
                NotScheduled(logger, GetType().Name, RetryAfter.TotalSeconds, e);
            }

            try
            {
                await Task.Delay(RetryAfter, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Schedule} could not put its jobs on the schedule now; trying again in {Seconds} s")]
    private static partial void NotScheduled(ILogger logger, string schedule, double seconds, Exception exception);
}
