using System.Diagnostics;
using System.Globalization;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// Where a starting node spends its time before it serves (ADR 0014): the host creates its hosted services, starts them
/// one after the other and the web server last, so a mark before the first and after each one tells how long each took.
/// One line is logged once the web server listens: the seconds from the process start, the runtime and configuration,
/// building the host, creating the hosted services, each service's start, and the web server's.
/// </summary>
public static partial class StartupTimeline
{
    /// <summary>Call after every other registration: a mark is put before the first hosted service and after each.</summary>
    public static void AddHamtaStartupTimeline(this IServiceCollection services)
    {
        var timeline = new Timeline(DateTime.UtcNow, Stopwatch.GetTimestamp());
        var hosted = services.Select((descriptor, index) => (descriptor, index)).Where(s => s.descriptor.ServiceType == typeof(IHostedService)).ToList();
        foreach (var (_, index) in Enumerable.Reverse(hosted))
        {
            services.Insert(index + 1, ServiceDescriptor.Singleton<IHostedService>(new Mark(timeline)));
        }

        services.Insert(hosted.FirstOrDefault().index, ServiceDescriptor.Singleton<IHostedService>(provider => new FirstMark(
            timeline, Stopwatch.GetTimestamp(), provider, provider.GetRequiredService<ILogger<Timeline>>())));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Seconds} s after the process started: {Steps}")]
    private static partial void Serving(ILogger logger, string seconds, string steps);

    public sealed class Timeline(DateTime configuredAt, long configured)
    {
        private readonly List<long> marks = [];

        public DateTime ConfiguredAt => configuredAt;

        public long Configured => configured;

        public void Add(long timestamp)
        {
            lock (marks)
            {
                marks.Add(timestamp);
            }
        }

        public IReadOnlyList<long> Marks
        {
            get
            {
                lock (marks)
                {
                    return [.. marks];
                }
            }
        }
    }

    private class Mark(Timeline timeline) : IHostedService
    {
        protected Timeline Timeline { get; } = timeline;

        public virtual Task StartAsync(CancellationToken cancellationToken)
        {
            Timeline.Add(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// The first mark is created first (the host then creates the others) and is told first that every service has
    /// started and the web server listens, when it writes the line.
    /// </summary>
    private sealed class FirstMark(Timeline timeline, long created, IServiceProvider provider, ILogger<Timeline> logger) : Mark(timeline), IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken)
        {
            Write(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        }

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void Write(long listening)
        {
            var marks = Timeline.Marks;
            using var process = Process.GetCurrentProcess();
            var started = process.StartTime.ToUniversalTime();
            var services = provider.GetServices<IHostedService>().Where(s => s is not Mark).Select(s => s.GetType().Name).ToList();
            var steps = new List<string>
            {
                Step("runtime and configuration", Timeline.ConfiguredAt - started),
                Step("building the host", Stopwatch.GetElapsedTime(Timeline.Configured, created)),
                Step("creating the hosted services", Stopwatch.GetElapsedTime(created, marks[0])),
            };
            for (var i = 1; i < marks.Count; i++)
            {
                steps.Add(Step(services[i - 1], Stopwatch.GetElapsedTime(marks[i - 1], marks[i])));
            }

            steps.Add(Step("web server", Stopwatch.GetElapsedTime(marks[^1], listening)));
            var total = Seconds(Timeline.ConfiguredAt - started + Stopwatch.GetElapsedTime(Timeline.Configured, listening));
            var line = string.Join(", ", steps);
            Serving(logger, total, line);
        }

        private static string Step(string name, TimeSpan took) => $"{name} {Seconds(took)}";

        private static string Seconds(TimeSpan took) => took.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
