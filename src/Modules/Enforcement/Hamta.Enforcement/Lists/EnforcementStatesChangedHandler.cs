using Hamta.Enforcement.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Runtime.Handlers;

namespace Hamta.Enforcement.Lists;

/// <summary>States changed (a classification run, an immediate block or lift): the lists are published from them.</summary>
public static class EnforcementStatesChangedHandler
{
    public static void Configure(HandlerChain chain) => PublishEnforcementListsHandler.Configure(chain);

    public static async Task Handle(EnforcementStatesChanged changed, NpgsqlDataSource dataSource, IOptions<ListSettings> settings, TimeProvider clock,
        ILogger<EnforcementStatesChanged> logger, CancellationToken cancellation) =>
        PublishEnforcementListsHandler.Log(logger, await ListPublisher.PublishAsync(dataSource, settings.Value, clock.GetUtcNow(), cancellation));
}
