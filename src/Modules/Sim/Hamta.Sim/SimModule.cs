using Hamta.Sim.Login;
using Hamta.Sim.SimCards;
using JasperFx.Events.Projections;
using Marten;
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
        options.Schema.For<LoginChallenge>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
        return options;
    }

    public static WolverineOptions AddSimModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(SimModule).Assembly);
        options.Services.AddSingleton<IOneTimeCodes, RandomOneTimeCodes>();
        return options;
    }
}
