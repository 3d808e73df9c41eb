using Hamta.Devices;
using Hamta.Devices.Contracts;
using Hamta.Enforcement;
using Hamta.Host.Identity;
using Hamta.Host.Infrastructure.Forms;
using Hamta.Host.Notifications;
using Hamta.Kernel.Security;
using Hamta.Sim;
using Hamta.Tickets;
using JasperFx;
using Marten;
using Npgsql;
using Wolverine.Marten;

namespace Hamta.Host.Infrastructure;

public static class Persistence
{
    public const string ConnectionStringName = "Hamta";

    /// <summary>
    /// Seconds Npgsql may take to open a connection, and so also to deliver the cancel request of a cancelled or timed-out
    /// command: that request opens a connection of its own and waits for the server to close it, which a frozen server
    /// never does. At Npgsql's default of 15 s a page cancelled by its timeout kept the subscriber waiting 15 s more
    /// (ADR 0014).
    /// </summary>
    public const int ConnectTimeoutSeconds = 3;

    /// <summary>
    /// Seconds Npgsql waits for the server's answer to a cancel request before it breaks the connection instead: a frozen
    /// server never answers, and Npgsql's default of 2 s came on top of the page's own limit (ADR 0014).
    /// </summary>
    public const int CancellationTimeoutSeconds = 1;

    /// <summary>
    /// The configured connection string, with pooled connections kept as they are when returned: no
    /// <c>DISCARD ALL</c> round trip per use, and PostgreSQL keeps its cached plans of Marten's functions
    /// (ADR 0012). Npgsql's automatic preparation stays off: a statement refused while being prepared
    /// left its connection answering the next user's query with the wrong rows (npgsql#6391). Opening a
    /// connection gives up after <see cref="ConnectTimeoutSeconds"/>, a cancel request's answer is awaited
    /// <see cref="CancellationTimeoutSeconds"/>.
    /// </summary>
    public static string ConnectionString(this IConfiguration configuration) =>
        Tuned(configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Start the portal with scripts/run.sh, or set ConnectionStrings__{ConnectionStringName}."));

    public static string Tuned(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            NoResetOnClose = true,
            MaxAutoPrepare = 0,
            Timeout = ConnectTimeoutSeconds,
            CancellationTimeout = CancellationTimeoutSeconds * 1000,
        }.ConnectionString;

    /// <summary>
    /// The data source for a connection string. With <c>Target Session Attributes</c> (several hosts, ADR 0016)
    /// Npgsql's builder wants a multi-host source without the attribute and the attribute's wrapper of it, as
    /// <c>new NpgsqlConnection(…)</c> does by itself for Hangfire.
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.TargetSessionAttributes is not { } target)
        {
            return builder.Build();
        }

        builder.ConnectionStringBuilder.TargetSessionAttributes = null;
        return builder.BuildMultiHost().WithTargetSession(Enum.Parse<TargetSessionAttributes>(target.Replace("-", ""), ignoreCase: true));
    }

    /// <summary>One Marten store; each module keeps its documents in its own schema (ADR 0002).</summary>
    public static void AddHamtaPersistence(this WebApplicationBuilder builder)
    {
        var dataSource = DataSource(builder.Configuration.ConnectionString());
        builder.Services.AddSingleton(dataSource);

        // The first of Marten's start-up steps: the modules' own, registered with their handlers, need its tables.
        builder.Services.InitializeMartenWith<SchemaOnStartup>();
        builder.Services.AddMarten(options =>
            {
                options.Connection(dataSource);
                options.DatabaseSchemaName = "hamta";
                options.Events.DatabaseSchemaName = "events";
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.AddSimModule();
                options.AddDevicesModule();
                options.AddTicketsModule();
                options.AddEnforcementModule();
                options.AddHostDocuments();
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = "wolverine");
        builder.Services.AddSimModule(builder.Configuration);
        builder.Services.AddDevicesModule();
        builder.Services.AddTicketsModule();
        builder.Services.AddEnforcementModule(builder.Configuration);
        builder.Services.Configure<LockoutSettings>(builder.Configuration.GetSection(LockoutSettings.Section));
        builder.Services.Configure<PreRegistrySettings>(builder.Configuration.GetSection(PreRegistrySettings.Section));
    }

    private static void AddHostDocuments(this StoreOptions options)
    {
        options.Schema.For<StaffAccount>().DatabaseSchemaName(StaffAccount.Schema);
        options.Schema.For<StaffLockout>().DatabaseSchemaName(StaffAccount.Schema);
        options.Schema.For<DataProtectionKey>().DatabaseSchemaName(StaffAccount.Schema);
        options.Schema.For<SignInSession>().DatabaseSchemaName(StaffAccount.Schema).Index(x => x.Subject);
        options.Schema.For<FormSubmission>().DatabaseSchemaName(FormSubmission.Schema).Index(x => x.At);
        options.Schema.For<SmsMessage>().DatabaseSchemaName(SmsMessage.Schema).Index(x => x.Mobile);
    }
}
