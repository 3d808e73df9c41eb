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
