using Hamta.Enforcement.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Runtime.Handlers;

namespace Hamta.Enforcement.Lists;

/// <summary>The recurring publication: a blocking state whose deadline passed reaches the block list without any other change.</summary>
public static partial class PublishEnforcementListsHandler
{
    /// <summary>A publication of national lists takes longer than Wolverine's default minute.</summary>
    public static void Configure(HandlerChain chain) => chain.ExecutionTimeoutInSeconds = 3600;

    public static async Task Handle(PublishEnforcementLists publish, NpgsqlDataSource dataSource, IOptions<ListSettings> settings, TimeProvider clock,
        ILogger<PublishEnforcementLists> logger, CancellationToken cancellation) =>
        Log(logger, await ListPublisher.PublishAsync(dataSource, settings.Value, clock.GetUtcNow(), cancellation));

    public static void Log(ILogger logger, IReadOnlyList<ListVersion> published)
    {
        foreach (var version in published)
        {
            Published(logger, version.List, version.Operator, version.Version, version.Adds, version.Removes, version.Size);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published the {List} list {Operator} version {Version}: {Adds} added, {Removes} removed, {Size} rows")]
    private static partial void Published(ILogger logger, EnforcementList list, string @operator, long version, long adds, long removes, long size);
}
