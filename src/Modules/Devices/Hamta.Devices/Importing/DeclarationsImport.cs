using Hamta.Devices.Contracts;

namespace Hamta.Devices.Importing;

/// <summary>The importer as the command line sees it.</summary>
public sealed class DeclarationsImport(DeclarationImporter importer) : IDeclarationsImport
{
    public async Task<DeclarationsImported> ImportAsync(Stream file, string fileName, string by, CancellationToken cancellation)
    {
        var report = await importer.ImportAsync(file, fileName, by, cancellation);
        return new DeclarationsImported(report.FileId, report.AlreadyImported, report.Imported, [.. report.Problems.Select(p => new DeclarationProblem(p.Line, p.Field, p.Refusal.ToString(), p.Detail, p.Problem))],
            [.. report.Notifications.Select(sms => new CustomsCodeSms(sms.Mobile, sms.Text))]);
    }
}
