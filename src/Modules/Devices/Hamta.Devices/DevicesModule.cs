using Hamta.Devices.Contracts;
using Hamta.Devices.Importing;
using Hamta.Devices.Importing.Uploads;
using Hamta.Devices.Registry;
using Hamta.Devices.ReportingLost;
using Hamta.Kernel.Auditing;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hamta.Devices;

/// <summary>The Devices module registers its storage (schema <c>devices</c>) and its handlers.</summary>
public static class DevicesModule
{
    public const string Schema = "devices";

    /// <summary>Uploaded declarations files are imported one at a time: each is a large transaction of its own.</summary>
    public const string DeclarationImportsQueue = "declaration-imports";

    public static StoreOptions AddDevicesModule(this StoreOptions options)
    {
        options.Projections.Snapshot<Device>(SnapshotLifecycle.Inline);
        options.Projections.Add<TransferHistoryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<LostCaseProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<LostCase>().DatabaseSchemaName(Schema).Index(x => x.ReportedAt);
        options.Storage.ExtendedSchemaObjects.Add(LostCaseNumbers.SchemaObject());
        options.Events.AddEventType<DeclarationsFileImported>();
        options.Schema.For<Device>().DatabaseSchemaName(Schema)
            .Index(x => x.OwnerNationalId);
        foreach (var table in Registrations.SchemaObjects())
        {
            options.Storage.ExtendedSchemaObjects.Add(table);
        }

        options.Storage.ExtendedSchemaObjects.Add(DeclarationUploads.SchemaObject());

        options.Schema.For<TransferRecord>().DatabaseSchemaName(Schema).Index(x => x.FromNationalId).Index(x => x.ToNationalId);
        return options;
    }

    /// <summary>The importer (also for the command line), and what the audit and the history page read of the registry.</summary>
    public static IServiceCollection AddDevicesModule(this IServiceCollection services)
    {
        services.AddScoped<DeclarationImporter>();
        services.AddScoped<IDeclarationsImport, DeclarationsImport>();
        services.AddSingleton<IReadModelAudit>(new SnapshotAudit<Device>(Schema, x => x.Id));
        services.AddSingleton<IReadModelAudit, RegistrationAudit>();
        services.AddSingleton<IReadModelAudit, TransferAudit>();
        services.AddSingleton<IHistorySource, DeviceHistory>();
        return services;
    }

    public static WolverineOptions AddDevicesModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(DevicesModule).Assembly);
        options.LocalQueue(DeclarationImportsQueue).Sequential();
        options.PublishMessage<ImportDeclarationsUpload>().ToLocalQueue(DeclarationImportsQueue);
        options.Services.InitializeMartenWith<RegistryMigration>();
        options.Services.InitializeMartenWith<RegistrationViews>();
        options.Services.InitializeMartenWith<FormerImeisMigration>();
        return options;
    }
}
