using Hamta.Host.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Hamta.Tests.Reliability;

/// <summary>A readiness check that gets no answer (a frozen database) still answers within its limit.</summary>
public sealed class BoundedHealthCheckTests
{
    private sealed class Unanswered : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            new TaskCompletionSource<HealthCheckResult>().Task;
    }

    private sealed class Answered : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Degraded("one dead letter"));
    }

    [Fact]
    public async Task A_check_that_never_answers_is_unhealthy_after_the_limit()
    {
        var clock = new FakeTimeProvider();
        var answer = new BoundedHealthCheck(new Unanswered(), Health.CheckTimeout, clock).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        clock.Advance(Health.CheckTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(answer.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var result = await answer;

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("no answer within 1.5 s", result.Description);
    }

    [Fact]
    public async Task A_check_that_answers_in_time_gives_its_own_answer()
    {
        var result = await new BoundedHealthCheck(new Answered(), Health.CheckTimeout, new FakeTimeProvider()).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("one dead letter", result.Description);
    }
}
