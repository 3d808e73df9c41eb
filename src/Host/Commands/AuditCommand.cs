using System.Globalization;
using Hamta.Host.Auditing;
using JasperFx.CommandLine;

namespace Hamta.Host.Commands;

public sealed class AuditInput : NetCoreInput
{
    [Description("Audit only this module: sim, devices, tickets or enforcement")]
    public string? ModuleFlag { get; set; }

    [Description("Audit only this stream: a stream id, or an IMEI for the enforcement states")]
    public string? StreamFlag { get; set; }
}

[Description("Replay the event store and compare every read model with what its events say", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public override async Task<bool> Execute(AuditInput input)
    {
        if (input.StreamFlag is { } text && !Guid.TryParse(text, out _) && (text.Length == 0 || !text.All(char.IsAsciiDigit)))
        {
            await Console.Error.WriteLineAsync($"--stream must be a stream id (a GUID) or an IMEI, not '{text}'.");
            return false;
        }

        using var host = input.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<ProjectionAudit>();
        if (input.ModuleFlag is { } module && !audit.Modules.Contains(module, StringComparer.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"--module must be one of: {string.Join(", ", audit.Modules)}.");
            return false;
        }

        var reports = await audit.RunAsync(input.ModuleFlag, input.StreamFlag, CancellationToken.None);
        foreach (var report in reports)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Module}/{report.Projection}: {report.EventsReplayed} events replayed, {report.DocumentsCompared} documents compared, {report.Differences.Count} differences, {report.Took.TotalMilliseconds:0} ms"));
            foreach (var id in report.Differences)
            {
                Console.WriteLine($"  differs: {id}");
            }
        }

        return reports.All(r => r.Differences.Count == 0);
    }
}
