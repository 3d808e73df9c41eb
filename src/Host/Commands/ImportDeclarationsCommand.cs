using JasperFx.CommandLine;
using Marten;
using Marten.Schema;

namespace Hamta.Host.Commands;

public sealed class ImportDeclarationsInput : NetCoreInput
{
    [Description("The declarations CSV file")]
    public string File { get; set; } = string.Empty;
}

[Description("Import importers' and customs' declarations (CSV) into the registry", Name = "import-declarations")]
public sealed class ImportDeclarationsCommand : JasperFxAsyncCommand<ImportDeclarationsInput>
{
    public ImportDeclarationsCommand() => Usage("Import a declarations file").Arguments(x => x.File);

    public override async Task<bool> Execute(ImportDeclarationsInput input)
    {
        if (!System.IO.File.Exists(input.File))
        {
            await Console.Error.WriteLineAsync($"No such file: {input.File}");
            return false;
        }

        using var host = input.BuildHost();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await PrepareDatabaseAsync(host.Services);
        Console.WriteLine($"database prepared: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s");
        await using var scope = host.Services.CreateAsyncScope();
        await using var file = System.IO.File.OpenRead(input.File);
        var report = await scope.ServiceProvider.GetRequiredService<DeclarationImport>()
            .RunAsync(file, input.File, Environment.UserName, CancellationToken.None);
        if (report.AlreadyImported)
        {
            Console.WriteLine($"This file was imported before ({report.Imported} device(s)); nothing changed.");
            return true;
        }

        foreach (var problem in report.Problems)
        {
            await Console.Error.WriteLineAsync(problem.ToString());
        }

        foreach (var phase in report.Phases)
        {
            Console.WriteLine(phase);
        }

        Console.WriteLine($"{report.Imported} device(s) imported, {report.Problems.Count} line(s) skipped.");
        return true;
    }

    /// <summary>What the portal's start-up does first: the schema as configured, then the registry's migration (ADR 17).</summary>
    private static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        foreach (var step in services.GetServices<IInitialData>())
        {
            await step.Populate(store, CancellationToken.None);
        }
    }
}
