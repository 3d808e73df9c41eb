using System.Globalization;
using Hamta.Host.Auditing;
using JasperFx.CommandLine;

namespace Hamta.Host.Commands;

public sealed class AuditInput : NetCoreInput
{
    [Description("Audit only this module: sim, devices or tickets")]
    public string? ModuleFlag { get; set; }

    [Description("Audit only this stream id")]
    public string? StreamFlag { get; set; }
}

[Description("Replay the event store and compare every read model with what its events say", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public override async Task<bool> Execute(AuditInput input)
    {
        Guid? stream = null;
        if (input.StreamFlag is { } text)
        {
            if (!Guid.TryParse(text, out var parsed))
            {
                await Console.Error.WriteLineAsync($"--stream must be a stream id (a GUID), not '{text}'.");
                return false;
            }

            stream = parsed;
        }

        if (input.ModuleFlag is { } module && !ProjectionAudit.Modules.Contains(module, StringComparer.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"--module must be one of: {string.Join(", ", ProjectionAudit.Modules)}.");
            return false;
        }

        using var host = input.BuildHost();
        await using var scope = host.Services.CreateAsyncScope();
        var reports = await scope.ServiceProvider.GetRequiredService<ProjectionAudit>().RunAsync(input.ModuleFlag, stream, CancellationToken.None);
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
