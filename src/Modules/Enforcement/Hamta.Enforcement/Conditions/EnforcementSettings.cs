namespace Hamta.Enforcement.Conditions;

/// <summary>What a condition looks for in the sightings of the look-back window.</summary>
public enum ConditionKind
{
    /// <summary>A well-formed IMEI held by no registered device.</summary>
    NotRegistered,

    /// <summary>Not 15 digits, or a wrong check digit.</summary>
    Malformed,

    /// <summary>An owned device used with SIMs of another national ID on more than <see cref="ConditionSettings.Days"/> days, the last sighting among them.</summary>
    NonOwnerSim,

    /// <summary>More than <see cref="ConditionSettings.ImsisPerDay"/> distinct IMSIs on one day, on at least <see cref="ConditionSettings.Days"/> days.</summary>
    Cloned,
}

/// <summary>One condition of <c>Hamta:Enforcement:Conditions</c>.</summary>
public sealed class ConditionSettings
{
    /// <summary>The condition's name in the IMEI states, the changes and the lists: short, stable, Latin.</summary>
    public string Label { get; set; } = "";

    public ConditionKind Kind { get; set; }

    /// <summary>The reason the warning SMS and the portal give, in Persian.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Days from the warning to the block.</summary>
    public int GraceDays { get; set; } = 30;

    /// <summary>Blocking conditions warn and then block; informational ones are only recorded and shown.</summary>
    public bool Blocking { get; set; } = true;

    /// <summary>The largest share of the window's IMEIs the condition may match; a run that would match more stops.</summary>
    public double MaxRatio { get; set; } = 0.1;

    /// <summary>NonOwnerSim: more than this many days of use; Cloned: at least this many days with too many IMSIs.</summary>
    public int Days { get; set; } = 1;

    /// <summary>Cloned: more than this many distinct IMSIs on one day.</summary>
    public int ImsisPerDay { get; set; } = 3;
}

/// <summary><c>Hamta:Enforcement</c>: the conditions, the look-back window and the reminder.</summary>
public sealed class EnforcementSettings
{
    public const string Section = "Hamta:Enforcement";

    public List<ConditionSettings> Conditions { get; set; } = [];

    /// <summary>How many days of sightings a run classifies.</summary>
    public int WindowDays { get; set; } = 30;

    /// <summary>A reminder goes this many days before a blocking condition's deadline.</summary>
    public int ReminderDaysBefore { get; set; } = 5;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    public TimeSpan Reminder => TimeSpan.FromDays(ReminderDaysBefore);

    public ConditionSettings? Find(string label) => Conditions.FirstOrDefault(c => c.Label == label);
}
