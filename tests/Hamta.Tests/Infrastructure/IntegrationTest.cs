using Alba;
using Hamta.Host.Notifications;
using Hamta.Kernel.Notifications;
using Hamta.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Hamta.Tests.Infrastructure;

/// <summary>Every scenario test starts from the demo world on the shared host.</summary>
public abstract class IntegrationTest(HamtaFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;

    protected TestClock Clock => fixture.Clock;

    public ValueTask InitializeAsync() => new(fixture.ResetAsync());

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected PortalClient NewBrowser() => new(Host);

    /// <summary>Runs a step and waits until every message it caused (an SMS, say) has been handled.</summary>
    protected async Task<T> AndWaitForMessages<T>(Func<Task<T>> step)
    {
        T result = default!;
        await Host.ExecuteAndWaitAsync(async () => result = await step());
        return result;
    }

    /// <summary>Asks a module a question (or gives it a command) through the bus, as the portal does.</summary>
    protected async Task<T> Ask<T>(object message)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<T>(message, TestContext.Current.CancellationToken);
    }

    /// <summary>Gives a module a command, as the portal does, and waits for every message it causes (an SMS, say).</summary>
    protected Task<T> AskAndWait<T>(object message) => AndWaitForMessages(() => Ask<T>(message));

    /// <summary>Gives a module a command that answers nothing, and waits for everything it causes.</summary>
    protected Task Send(object message) => AndWaitForMessages(async () =>
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message, TestContext.Current.CancellationToken);
        return true;
    });

    /// <summary>Publishes an event as a module would, and waits for every handler of it.</summary>
    protected Task Publish(object message) => AndWaitForMessages(async () =>
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(message);
        return true;
    });

    protected Task<IReadOnlyList<SmsMessage>> SmsTo(string mobile, SmsKind? kind = null) => TestHost.SmsTo(Host.Services, mobile, kind);

    /// <summary>The texts of the notices sent to a number, the SMS a subscriber reads again under «پیام های همتا».</summary>
    protected async Task<IReadOnlyList<string>> NoticesTo(string mobile) => (await SmsTo(mobile, SmsKind.Notice)).Select(x => x.Text).ToList();
}
