using Hamta.Sim.Kartable;
using Hamta.Sim.Login;
using Hamta.Sim.Network;
using Hamta.Sim.SimCards;
using JasperFx.Events.Projections;
using Marten;
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
        options.Schema.For<AttachObservation>().DatabaseSchemaName(Schema)
            .Index(x => x.Imei)
            .Index(x => x.Msisdn)
            .Index(x => x.NationalId);
        return options;
    }

    public static WolverineOptions AddSimModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(SimModule).Assembly);
        return options;
    }
}
