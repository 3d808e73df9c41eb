using Marten;
using Wolverine;

namespace Hamta.Tickets;

/// <summary>The Tickets module registers its storage (schema <c>tickets</c>) and its handlers.</summary>
public static class TicketsModule
{
    public const string Schema = "tickets";

    public static StoreOptions AddTicketsModule(this StoreOptions options) => options;

    public static WolverineOptions AddTicketsModule(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(TicketsModule).Assembly);
        return options;
    }
}
