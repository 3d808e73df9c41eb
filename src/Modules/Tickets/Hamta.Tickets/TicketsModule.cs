using Hamta.Devices.Contracts;
using Hamta.Kernel.Auditing;
using Hamta.Sim.Contracts;
using Hamta.Tickets.Attachments;
using Hamta.Tickets.Contracts;
using Hamta.Tickets.Statistics;
using Hamta.Tickets.Tickets;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Hamta.Tickets;

/// <summary>The Tickets module registers its storage (schema <c>tickets</c>) and its handlers.</summary>
public static class TicketsModule
{
    public const string Schema = "tickets";

    /// <summary>
    /// Evidence for tickets and the registry's answers to their corrections: at most four at once per node
    /// (a race on one ticket is settled by the stream's optimistic concurrency and a retry, ADR 8).
    /// </summary>
    public const string EvidenceQueue = "tickets-evidence";

    public static StoreOptions AddTicketsModule(this StoreOptions options)
    {
        options.Projections.Snapshot<Ticket>(SnapshotLifecycle.Inline);
        options.Schema.For<Ticket>().DatabaseSchemaName(Schema)
            .UniqueIndex(x => x.Number)
            .Index(x => x.SubscriberNationalId)
            .Index(x => x.DeviceId)
            .Index(x => x.Status)
            .Index(x => x.SubscriberSim)
            .Index(x => x.OpenedAt)
            .Index(x => x.SettledAt)
            .Index(x => x.Number, index =>
            {
                // The sweep walks the tickets awaiting evidence in number order: a partial index holds just those.
                index.Name = "mt_doc_ticket_idx_awaiting_evidence";
                index.Predicate = $"(data ->> 'Status')::integer = {(int)TicketStatus.AwaitingNetworkEvidence}";
            });
        options.Storage.ExtendedSchemaObjects.Add(TicketNumbers.SchemaObject());
        foreach (var table in StatisticsTables.SchemaObjects())
        {
            options.Storage.ExtendedSchemaObjects.Add(table);
        }

        options.Storage.ExtendedSchemaObjects.Add(TicketAttachments.SchemaObject());
        return options;
    }

    /// <summary>What the audit and the history page read of the tickets.</summary>
    public static IServiceCollection AddTicketsModule(this IServiceCollection services)
    {
        services.AddSingleton<IReadModelAudit>(new SnapshotAudit<Ticket>(Schema, x => x.Id));
        services.AddSingleton<IHistorySource, TicketHistory>();
        return services;
    }

    public static WolverineOptions AddTicketsModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(TicketsModule).Assembly);
        options.LocalQueue(EvidenceQueue).MaximumParallelMessages(4);

        // A message the Tickets module alone handles is routed to the queue (a sticky handler is only kept to
        // its queue when its message has other handlers too).
        options.PublishMessage<NetworkEvidenceFound>().ToLocalQueue(EvidenceQueue);
        options.PublishMessage<ImeiCorrectionResult>().ToLocalQueue(EvidenceQueue);
        return options;
    }
}
