using Hamta.Devices.Contracts;
using Hamta.Host.Notifications;
using Hamta.Kernel.Notifications;

namespace Hamta.Host.Commands;

/// <summary>Runs a declarations import and sends the customs activation codes it asks for by SMS.</summary>
public sealed class DeclarationImport(IDeclarationsImport importer, ISmsSender sms)
{
    public async Task<DeclarationsImported> RunAsync(Stream file, string fileName, string by, CancellationToken cancellation)
    {
        var report = await importer.ImportAsync(file, fileName, by, cancellation);
        foreach (var code in report.Codes)
        {
            await sms.SendAsync(new SendSms(code.Mobile, code.Text, SmsKind.Secret), Guid.CreateVersion7(), cancellation);
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
