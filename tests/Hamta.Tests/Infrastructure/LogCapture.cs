using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Hamta.Tests.Infrastructure;

/// <summary>Every log event the test host writes, as a sink receives it (after masking).</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public void Emit(LogEvent logEvent) =>
        lines.Enqueue($"{logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {logEvent.Exception}");

    public int Count => lines.Count;

    /// <summary>What was written after the first <paramref name="skip"/> lines.</summary>
    public string Since(int skip) => string.Join('\n', lines.Skip(skip));
}
