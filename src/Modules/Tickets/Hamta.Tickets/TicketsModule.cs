using Hamta.Tickets.Contracts;
using Hamta.Tickets.Tickets;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;

namespace Hamta.Tickets;

/// <summary>The Tickets module registers its storage (schema <c>tickets</c>) and its handlers.</summary>
public static class TicketsModule
{
    public const string Schema = "tickets";

    /// <summary>
    /// Evidence, corrections and their answers for tickets: a few at a time per node, each batch with the
    /// optimistic concurrency of its streams, so a race on a ticket fails one side, which is retried.
    /// </summary>
    public const string EvidenceQueue = "tickets-evidence";

    /// <summary>Evidence batches written at once per node: the sweep waits on round trips, not on the cores (ADR 12).</summary>
    public const int EvidenceParallelism = 4;

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
            .Index(x => x.Number, index =>
            {
                // The sweep walks the tickets awaiting evidence in number order: a partial index holds just those.
                index.Name = "mt_doc_ticket_idx_awaiting_evidence";
                index.Predicate = $"(data ->> 'Status')::integer = {(int)TicketStatus.AwaitingNetworkEvidence}";
            });
        options.Storage.ExtendedSchemaObjects.Add(TicketNumbers.SchemaObject());
        return options;
    }

    public static WolverineOptions AddTicketsModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(TicketsModule).Assembly);
        options.LocalQueue(EvidenceQueue).MaximumParallelMessages(EvidenceParallelism);
        return options;
    }
}
