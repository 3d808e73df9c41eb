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

    /// <summary>The network settings and the sightings tables, prepared once Marten's schema is in place.</summary>
    public static IServiceCollection AddSimModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NetworkSettings>(configuration.GetSection(NetworkSettings.Section));
        services.AddHostedService<SightingsStartup>();
        services.AddScoped<SightingsDumpImporter>();
        services.AddSingleton<SightingsIngested>();
        return services;
    }
}
