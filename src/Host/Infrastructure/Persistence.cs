using Hamta.Devices;
using Hamta.Host.Identity;
using Hamta.Host.Notifications;
using Hamta.Sim;
using Hamta.Tickets;
using JasperFx;
using Marten;
using Wolverine.Marten;

namespace Hamta.Host.Infrastructure;

public static class Persistence
{
    public const string ConnectionStringName = "Hamta";

    public static string ConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"ConnectionStrings:{ConnectionStringName} is not set. Start the portal with scripts/run.sh, or set ConnectionStrings__{ConnectionStringName}.");

    /// <summary>One Marten store; each module keeps its documents in its own schema (ADR 0002).</summary>
    public static void AddHamtaPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.ConnectionString();
        builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = "hamta";
                options.Events.DatabaseSchemaName = "events";
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.AddSimModule();
                options.AddDevicesModule();
                options.AddTicketsModule();
                options.AddHostDocuments();
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = "wolverine")
            .ApplyAllDatabaseChangesOnStartup();
    }

    private static void AddHostDocuments(this StoreOptions options)
    {
        options.Schema.For<StaffAccount>().DatabaseSchemaName(StaffAccount.Schema);
        options.Schema.For<DataProtectionKey>().DatabaseSchemaName(StaffAccount.Schema);
        options.Schema.For<SmsMessage>().DatabaseSchemaName(SmsMessage.Schema).Index(x => x.Mobile);
    }
}
