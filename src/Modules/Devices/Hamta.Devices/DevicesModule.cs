using Hamta.Devices.Contracts;
using Hamta.Devices.Importing;
using Hamta.Devices.Registry;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hamta.Devices;

/// <summary>The Devices module registers its storage (schema <c>devices</c>) and its handlers.</summary>
public static class DevicesModule
{
    public const string Schema = "devices";

    public static StoreOptions AddDevicesModule(this StoreOptions options)
    {
        options.Projections.Snapshot<Device>(SnapshotLifecycle.Inline);
        options.Projections.Add<TransferHistoryProjection>(ProjectionLifecycle.Inline);
        options.Events.AddEventType<DeclarationsFileImported>();
        options.Schema.For<Device>().DatabaseSchemaName(Schema)
            .Index(x => x.OwnerNationalId);
        foreach (var table in Registrations.SchemaObjects())
        {
            options.Storage.ExtendedSchemaObjects.Add(table);
        }

        options.Schema.For<TransferRecord>().DatabaseSchemaName(Schema).Index(x => x.FromNationalId).Index(x => x.ToNationalId);
        return options;
    }

    public static WolverineOptions AddDevicesModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(DevicesModule).Assembly);
        options.Services.AddScoped<DeclarationImporter>();
        options.Services.InitializeMartenWith<RegistryMigration>();
        options.Services.InitializeMartenWith<OwnedImeisView>();
        return options;
    }
}
