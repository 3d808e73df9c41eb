using Hamta.Devices.Contracts;

namespace Hamta.Host.DemoData;

public sealed record DemoSubscriber(string Name, string NationalId, IReadOnlyList<string> Sims);

public sealed record DemoDevice(string Brand, string Model, IReadOnlyList<string> RegisteredImeis, IReadOnlyList<string> RealImeis, DemoSubscriber? Owner, string? OwnerSim, string ActivationCode);

/// <summary>A demo device its owner reported lost or stolen, some days before the portal started.</summary>
public sealed record DemoLoss(string Imei, LossKind Kind, int DaysAgo, string Place, string? PoliceReportNumber);

public sealed record DemoStaff(string Username, string DisplayName, string Role);

/// <summary>The demo world, defined once: what the README promises a newcomer can sign in with.</summary>
public static class DemoWorld
{
    public const string Operator = "همراه اول";

    public static readonly DemoSubscriber SampleUser = new("کاربر نمونه", "0013542419", ["09121234567", "09131234567"]);
    public static readonly DemoSubscriber SecondUser = new("کاربر دوم", "4481234563", ["09351234567"]);

    public static readonly IReadOnlyList<DemoSubscriber> Subscribers = [SampleUser, SecondUser];

    public const string Importer = "شرکت نمونه واردات همراه";

    /// <summary>
    /// The seed's case first: the importer typed the second IMEI wrongly (…817 instead of …825).
    /// Owned devices are declared with a box code and activated with it, as a subscriber would.
    /// </summary>
    public static readonly IReadOnlyList<DemoDevice> Devices =
    [
        new("Samsung", "Galaxy A54", ["356938035643809", "356938035643817"], ["356938035643809", "356938035643825"], SampleUser, "09121234567", "731946"),
        new("Nokia", "105", ["353325101234569"], ["353325101234569"], SampleUser, "09121234567", "508217"),
        new("Xiaomi", "Redmi Note 13", ["867543041122335", "867543041122343"], ["867543041122335", "867543041122343"], SecondUser, "09351234567", "264815"),
        new("Nokia", "105", ["353325101234577"], ["353325101234577"], null, null, "482913"),
        new("Apple", "iPhone 13", ["353911101234566"], ["353911101234566"], SecondUser, "09351234567", "639152"),
    ];

    /// <summary>The second subscriber's iPhone was stolen: blocked at once, activation and transfer refused.</summary>
    public static readonly IReadOnlyList<DemoLoss> Losses =
    [
        new("353911101234566", LossKind.Stolen, 2, "تهران، ایستگاه مترو تجریش", "14050901"),
    ];

    /// <summary>
    /// What the demo's network saw (Development start-up only, never in tests): the owners using their devices, the
    /// Samsung's real second IMEI …825 with its owner's SIM (warned: the seed's case) and an unregistered phone used
    /// with the second subscriber's SIM for more than the grace period (blocked).
    /// </summary>
    public const string WarnedImei = "356938035643825";

    public const string BlockedImei = "490154203237518";

    public static readonly IReadOnlyList<(string Imei, string Sim)> HealthySightings =
    [
        ("353325101234569", "09121234567"),
        ("867543041122335", "09351234567"),
        ("867543041122343", "09351234567"),
    ];

    public static readonly IReadOnlyList<DemoStaff> Staff =
    [
        new("agent", "کارشناس پشتیبانی", Identity.StaffRoles.Agent),
        new("admin", "مدیر سامانه", Identity.StaffRoles.Admin),
        new("auditor", "حسابرس", Identity.StaffRoles.Auditor),
        new("clerk", "کارشناس ثبت", Identity.StaffRoles.RegistryClerk),
    ];
}
