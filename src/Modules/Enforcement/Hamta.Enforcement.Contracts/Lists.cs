namespace Hamta.Enforcement.Contracts;

/// <summary>The lists the operators' EIRs work by: the block list is the same for all, the other two are each operator's own.</summary>
public enum EnforcementList
{
    Block,
    Notification,
    Exception,
}

public static class EnforcementLists
{
    public static readonly IReadOnlyList<EnforcementList> All = Enum.GetValues<EnforcementList>();

    /// <summary>The list's name in the operator API and in the tables.</summary>
    public static string Name(this EnforcementList list) => list switch
    {
        EnforcementList.Block => "block",
        EnforcementList.Notification => "notification",
        EnforcementList.Exception => "exception",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    public static EnforcementList? Parse(string? name) => All.Cast<EnforcementList?>().FirstOrDefault(list => list!.Value.Name() == name);

    /// <summary>The block list names no subscriber, so every operator gets the same one; the others are by the operator's subscribers.</summary>
    public static bool IsPerOperator(this EnforcementList list) => list != EnforcementList.Block;
}

/// <summary>Publishes the lists again from the current states (a recurring job, so that passed deadlines reach the block list).</summary>
public sealed record PublishEnforcementLists;

/// <summary>The current version of each list (and operator), for staff.</summary>
public sealed record GetListVersions;

/// <summary>
/// A published version of a list: <see cref="Size"/> rows after it, <see cref="Adds"/> and <see cref="Removes"/> since
/// the version before. <see cref="Operator"/> is empty for the block list.
/// </summary>
public sealed record ListVersion(EnforcementList List, string Operator, long Version, long Size, long Adds, long Removes, DateTimeOffset PublishedAt);

/// <summary>The IMEIs blocked by hand now, for staff.</summary>
public sealed record GetManualBlocks;

public sealed record ManualBlock(string Imei, string Reason, string Cause, DateTimeOffset Since);

/// <summary>Opens an operator's read of a published list (ADR 24): the operator API serves it streamed.</summary>
public interface IOperatorLists
{
    /// <summary>One operator's view of <paramref name="list"/> at its current version, on a transaction of its own until disposed.</summary>
    Task<IOperatorListRead> OpenAsync(EnforcementList list, string operatorName, CancellationToken cancellation);
}

/// <summary>One read of a list at <see cref="Version"/>: the whole list as CSV, or what changed since an earlier version as JSON.</summary>
public interface IOperatorListRead : IAsyncDisposable
{
    long Version { get; }

    Task CopyCsvAsync(TextWriter target, CancellationToken cancellation);

    /// <summary>Whether the changes since <paramref name="since"/> are still kept (a delta from 0 is the whole list, always).</summary>
    Task<bool> KeepsChangesSinceAsync(long since, CancellationToken cancellation);

    Task WriteDeltaAsync(System.Text.Json.Utf8JsonWriter json, long since, CancellationToken cancellation);
}
