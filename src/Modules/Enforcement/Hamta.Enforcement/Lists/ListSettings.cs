namespace Hamta.Enforcement.Lists;

/// <summary>The <c>Hamta:Enforcement:Lists</c> settings, and each operator's MCC-MNC prefixes (<c>Hamta:Network:ImsiPrefixes</c>).</summary>
public sealed class ListSettings
{
    public const string Section = "Hamta:Enforcement:Lists";
    public const string PrefixesSection = "Hamta:Network:ImsiPrefixes";

    /// <summary>How far back a sighting of the owner's SIM with a blocked IMEI puts that pair on the exception list.</summary>
    public int ExceptionLookBackDays { get; set; } = 90;

    /// <summary>
    /// How long a version's changes are kept for deltas, at least a day. An operator whose copy is older asks for the
    /// whole list again; without a limit every change of a national list would be kept for ever.
    /// </summary>
    public int DeltaRetentionDays { get; set; } = 30;

    /// <summary>Operator → the MCC-MNC prefixes of its subscribers' IMSIs.</summary>
    public Dictionary<string, string[]> ImsiPrefixes { get; } = [];

    /// <summary>Each operator with each of its prefixes, as two parallel arrays for one SQL join.</summary>
    public (string[] Operators, string[] Prefixes) PrefixPairs()
    {
        var pairs = ImsiPrefixes.SelectMany(o => o.Value.Where(p => p.Length > 0).Select(p => (Operator: o.Key, Prefix: p))).ToList();
        return (pairs.Select(p => p.Operator).ToArray(), pairs.Select(p => p.Prefix).ToArray());
    }
}
