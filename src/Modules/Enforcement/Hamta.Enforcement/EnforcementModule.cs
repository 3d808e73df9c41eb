using Hamta.Enforcement.Classifying;
using Hamta.Enforcement.Conditions;
using Hamta.Enforcement.Lists;
using Hamta.Enforcement.Contracts;
using Hamta.Enforcement.States;
using Hamta.Kernel.Auditing;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hamta.Enforcement;

/// <summary>
/// The Enforcement module: what the network's sightings mean for each IMEI (conditions, warnings, deadlines, blocks)
/// and the lists the operators' EIRs block by. Its state lives in the schema <c>enforcement</c>.
/// </summary>
public static class EnforcementModule
{
    public const string Schema = "enforcement";

    public static StoreOptions AddEnforcementModule(this StoreOptions options) => options;

    public static WolverineOptions AddEnforcementModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(EnforcementModule).Assembly);
        return options;
    }

    /// <summary>The enforcement tables, prepared once Marten's schema is in place; the lists' reader; the trail's audit and history.</summary>
    public static IServiceCollection AddEnforcementModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<EnforcementStartup>();

        // Classification (ADR 23)
        services.Configure<EnforcementSettings>(configuration.GetSection(EnforcementSettings.Section));
        services.AddSingleton<EnforcementMetrics>();

        // Lists (ADR 24)
        services.Configure<ListSettings>(configuration.GetSection(ListSettings.Section));
        services.Configure<ListSettings>(settings => configuration.GetSection(ListSettings.PrefixesSection).Bind(settings.ImsiPrefixes));
        services.AddSingleton<ListReader>();
        services.AddSingleton<IOperatorLists>(provider => provider.GetRequiredService<ListReader>());

        // The enforcement stream in the audit and on the history page (ADR 23)
        services.AddSingleton<IReadModelAudit, ImeiStateAudit>();
        services.AddSingleton<IHistorySource, EnforcementHistory>();
        return services;
    }
}
