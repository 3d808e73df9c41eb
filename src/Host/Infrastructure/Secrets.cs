using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hamta.Host.Api;
using Hamta.Kernel.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Hamta.Host.Infrastructure;

/// <summary>
/// The secrets a node needs, from configuration (docs/security.md). Development and the tests get
/// defaults from their settings; Production refuses to start, naming what is missing.
/// </summary>
public static class Secrets
{
    public const string CodeKey = "Hamta:Secrets:CodeKey";
    public const string KeyRingCertificate = "Hamta:DataProtection:Certificate";
    public const string KeyRingCertificatePassword = "Hamta:DataProtection:CertificatePassword";

    public static void AddHamtaSecrets(this WebApplicationBuilder builder, HostRole role)
    {
        var configuration = builder.Configuration;
        if (configuration[CodeKey] is { Length: > 0 } codeKey)
        {
            CodeHash.UseKey(Encoding.UTF8.GetBytes(codeKey));
        }

        if (configuration[KeyRingCertificate] is { Length: > 0 } certificate)
        {
            var loaded = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(certificate), configuration[KeyRingCertificatePassword]);
            builder.Services.AddDataProtection().ProtectKeysWithCertificate(loaded).UnprotectKeysWithAnyCertificate(loaded);
        }

        if (builder.Environment.IsProduction())
        {
            builder.Services.AddHostedService(_ => new RequiredSecretsCheck(configuration, role));
        }
    }

    /// <summary>What a Production node cannot run without, by configuration key.</summary>
    public static IReadOnlyList<string> MissingIn(IConfiguration configuration, HostRole role)
    {
        var missing = new List<string>();
        if (configuration[CodeKey] is not { Length: >= 32 })
        {
            missing.Add($"{CodeKey} (at least 32 characters)");
        }

        if (configuration[KeyRingCertificate] is not { Length: > 0 })
        {
            missing.Add($"{KeyRingCertificate} (a PFX, base64)");
        }

        if (role.ServesWeb && !configuration.GetSection(OperatorApi.OperatorsSection).GetChildren().Any(o => o.Value is { Length: >= 16 }))
        {
            missing.Add($"{OperatorApi.OperatorsSection}:<operator> (an API key of at least 16 characters)");
        }

        return missing;
    }

    /// <summary>Runs when the node starts (not for the command-line tools, which never start it) and stops it with the list.</summary>
    private sealed class RequiredSecretsCheck(IConfiguration configuration, HostRole role) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => MissingIn(configuration, role) is { Count: > 0 } missing
            ? throw new InvalidOperationException(
                $"Hamta will not start in Production without these settings: {string.Join("; ", missing)}. See docs/security.md.")
            : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
