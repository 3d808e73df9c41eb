using Hamta.Host.Api;
using Hamta.Sim.Contracts;
using JasperFx.CommandLine;

namespace Hamta.Host.Commands;

public sealed class ImportSightingsInput : NetCoreInput
{
    [Description("The operator that delivered the dump, as configured under Hamta:Operators")]
    public string Operator { get; set; } = string.Empty;

    [Description("The dump: CSV with the header imei,imsi,msisdn,observed_at, or the same gzip-compressed")]
    public string File { get; set; } = string.Empty;
}

[Description("Import an operator's daily dump of network sightings (CSV or .csv.gz): checked first, stored whole or not at all", Name = "import-sightings")]
public sealed class ImportSightingsCommand : JasperFxAsyncCommand<ImportSightingsInput>
{
    public ImportSightingsCommand() => Usage("Import a sightings dump").Arguments(x => x.Operator, x => x.File);

    public override async Task<bool> Execute(ImportSightingsInput input)
    {
        if (!System.IO.File.Exists(input.File))
        {
            await Console.Error.WriteLineAsync($"No such file: {input.File}");
            return false;
        }

        using var host = input.BuildHost();
        if (!OperatorApi.IsConfiguredOperator(input.Operator, host.Services.GetRequiredService<IConfiguration>()))
        {
            await Console.Error.WriteLineAsync($"No such operator under {OperatorApi.OperatorsSection}: {input.Operator}");
            return false;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ISightingsDumpImport>().ImportAsync(input.Operator, input.File, CancellationToken.None);
        foreach (var line in report.Lines())
        {
            Console.WriteLine(line);
        }

        return report.Outcome is DumpOutcome.Imported or DumpOutcome.AlreadyImported;
    }
}
