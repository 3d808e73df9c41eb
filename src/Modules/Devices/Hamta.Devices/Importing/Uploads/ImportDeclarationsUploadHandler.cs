using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace Hamta.Devices.Importing.Uploads;

/// <summary>
/// Imports an uploaded file with the same importer as <c>import-declarations</c> (ADR 17), writing its progress
/// to the upload's row as it goes, and then its counts and refused lines. The SMS it causes (customs activation
/// codes) go out through the outbox in the import's own transaction.
/// </summary>
public static class ImportDeclarationsUploadHandler
{
    /// <summary>How often the progress is written while the import runs.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>A file of a million lines takes minutes on a loaded machine; Wolverine's default minute is too short.</summary>
    public static void Configure(HandlerChain chain) => chain.ExecutionTimeoutInSeconds = 3600;

    public static async Task Handle(
        ImportDeclarationsUpload message, IDocumentStore store, DeclarationImporter importer, TimeProvider clock, CancellationToken cancellation)
    {
        if (await DeclarationUploads.PendingAsync(store, message.UploadId, cancellation) is not { } upload)
        {
            return;
        }

        var progress = new ImportProgress();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reporting = ReportAsync(store, upload.Id, progress, clock, stop.Token);
        ImportReport report;
        try
        {
            await DeclarationUploads.ProgressAsync(store, upload.Id, progress, cancellation);
            await using var file = new MemoryStream(upload.Content, writable: false);
            report = await importer.ImportAsync(file, upload.FileName, upload.By, cancellation, progress, sendSms: true);
        }
        catch
        {
            await stop.CancelAsync();
            await reporting;
            await DeclarationUploads.FailAsync(store, upload.Id, CancellationToken.None);
            throw;
        }

        await stop.CancelAsync();
        await reporting;
        await DeclarationUploads.FinishAsync(store, upload.Id, report, progress, clock.GetUtcNow(), cancellation);
    }

    private static async Task ReportAsync(IDocumentStore store, Guid id, ImportProgress progress, TimeProvider clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await DeclarationUploads.ProgressAsync(store, id, progress, stop);
                }
                catch (NpgsqlException)
                {
                    // A progress line missed is written at the next tick; the import itself decides whether the database is there.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The import has finished.
        }
    }
}
