using Hamta.Kernel.Auditing;
using Hamta.Sim.Contracts;
using Hamta.Sim.Kartable;
using Hamta.Sim.Login;
using Hamta.Sim.Network;
using Hamta.Sim.SimCards;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hamta.Sim;

/// <summary>The Sim module registers its storage (schema <c>sim</c>) and its handlers.</summary>
public static class SimModule
{
    public const string Schema = "sim";

    public static StoreOptions AddSimModule(this StoreOptions options)
    {
        options.Projections.Snapshot<SimCard>(SnapshotLifecycle.Inline);
        options.Schema.For<SimCard>().DatabaseSchemaName(Schema).UniqueIndex(x => x.Number);
        options.Schema.For<SimCard>().Index(x => x.NationalId);
        options.Schema.For<LoginChallenge>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
        options.Schema.For<KartablePassword>().DatabaseSchemaName(Schema);
        options.Schema.For<KartablePasswordTries>().DatabaseSchemaName(Schema);
        options.Storage.ExtendedSchemaObjects.Add(SightingCountsHandler.SchemaObject());
        return options;
    }

    public static WolverineOptions AddSimModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(SimModule).Assembly);
        options.MetadataRules.Add(new SystemReports());
        return options;
    }

    /// <summary>
    /// The network settings and the sightings tables, prepared once Marten's schema is in place; the dump import the
    /// operator API and the command line use; the SIM cards' audit and history.
    /// </summary>
    public static IServiceCollection AddSimModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NetworkSettings>(configuration.GetSection(NetworkSettings.Section));
        services.AddHostedService<SightingsStartup>();
        services.AddScoped<ISightingsDumpImport, SightingsDumpImporter>();
        services.AddSingleton<SightingsIngested>();
        services.AddSingleton<IReadModelAudit>(new SnapshotAudit<SimCard>(Schema, x => x.Id));
        services.AddSingleton<IHistorySource, SimCardHistory>();
        return services;
    }
}
