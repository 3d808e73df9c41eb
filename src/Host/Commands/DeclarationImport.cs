using Hamta.Devices.Importing;
using Hamta.Host.Notifications;

namespace Hamta.Host.Commands;

/// <summary>Runs a declarations import and sends the SMS it asks for (customs activation codes).</summary>
public sealed class DeclarationImport(DeclarationImporter importer, ISmsSender sms)
{
    public async Task<ImportReport> RunAsync(Stream file, string fileName, string by, CancellationToken cancellation)
    {
        var report = await importer.ImportAsync(file, fileName, by, cancellation);
        foreach (var notification in report.Notifications)
        {
            await sms.SendAsync(notification, Guid.CreateVersion7(), cancellation);
        }

        return report;
    }
}

public static class CommandsRegistration
{
    public static void AddHamtaCommands(this IServiceCollection services)
    {
        services.AddScoped<DeclarationImport>();
        services.AddScoped<Auditing.ProjectionAudit>();
        services.AddScoped<Auditing.StreamHistory>();
    }
}
