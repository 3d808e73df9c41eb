namespace Hamta.Host;

/// <summary>
/// What this node does: serve the portal, run the background jobs, or both (the default). Every
/// node processes messages; see ADR 0005.
/// </summary>
public sealed record HostRole(bool ServesWeb, bool RunsJobs)
{
    public const string ConfigurationKey = "Hamta:Role";

    public static HostRole From(IConfiguration configuration) =>
        (configuration[ConfigurationKey] ?? "both").Trim().ToLowerInvariant() switch
        {
            "web" => new HostRole(ServesWeb: true, RunsJobs: false),
            "worker" => new HostRole(ServesWeb: false, RunsJobs: true),
            "both" => new HostRole(ServesWeb: true, RunsJobs: true),
            var other => throw new InvalidOperationException($"{ConfigurationKey} must be web, worker or both, not '{other}'."),
        };
}
