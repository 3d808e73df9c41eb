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

    public const string SampleNationalId = "0013542419";
    public const string SampleSim = "09121234567";
    public const string SampleOtherSim = "09131234567";
    public const string SecondNationalId = "4481234563";
    public const string SecondSim = "09351234567";

    public static readonly DemoSubscriber SampleUser = new("کاربر نمونه", SampleNationalId, [SampleSim, SampleOtherSim]);
    public static readonly DemoSubscriber SecondUser = new("کاربر دوم", SecondNationalId, [SecondSim]);

    public static readonly IReadOnlyList<DemoSubscriber> Subscribers = [SampleUser, SecondUser];

    public const string Importer = "شرکت نمونه واردات همراه";

    /// <summary>
    /// The seed's case first: the importer typed the second IMEI wrongly (…817 instead of …825).
    /// Owned devices are declared with a box code and activated with it, as a subscriber would.
    /// </summary>
    public const string SamsungImei = "356938035643809";
    public const string SamsungWrongSecondImei = "356938035643817";
    public const string SamsungRealSecondImei = "356938035643825";
    public const string SamsungCode = "731946";
    public const string NokiaImei = "353325101234569";
    public const string NokiaCode = "508217";
    public const string XiaomiImei = "867543041122335";
    public const string XiaomiSecondImei = "867543041122343";
    public const string XiaomiCode = "264815";
    public const string BoxedNokiaImei = "353325101234577";
    public const string BoxedNokiaCode = "482913";
    public const string StolenIPhoneImei = "353911101234566";
    public const string StolenIPhoneCode = "639152";

    public static readonly IReadOnlyList<DemoDevice> Devices =
    [
        new("Samsung", "Galaxy A54", [SamsungImei, SamsungWrongSecondImei], [SamsungImei, SamsungRealSecondImei], SampleUser, SampleSim, SamsungCode),
        new("Nokia", "105", [NokiaImei], [NokiaImei], SampleUser, SampleSim, NokiaCode),
        new("Xiaomi", "Redmi Note 13", [XiaomiImei, XiaomiSecondImei], [XiaomiImei, XiaomiSecondImei], SecondUser, SecondSim, XiaomiCode),
        new("Nokia", "105", [BoxedNokiaImei], [BoxedNokiaImei], null, null, BoxedNokiaCode),
        new("Apple", "iPhone 13", [StolenIPhoneImei], [StolenIPhoneImei], SecondUser, SecondSim, StolenIPhoneCode),
    ];

    /// <summary>The second subscriber's iPhone was stolen: blocked at once, activation and transfer refused.</summary>
    public static readonly IReadOnlyList<DemoLoss> Losses =
    [
        new(StolenIPhoneImei, LossKind.Stolen, 2, "تهران، ایستگاه مترو تجریش", "14050901"),
    ];

    /// <summary>
    /// What the demo's network saw (Development start-up only, never in tests): the owners using their devices, the
    /// Samsung's real second IMEI …825 with its owner's SIM (warned: the seed's case) and an unregistered phone used
    /// with the second subscriber's SIM for more than the grace period (blocked).
    /// </summary>
    public const string WarnedImei = SamsungRealSecondImei;

    public const string BlockedImei = "490154203237518";

    public static readonly IReadOnlyList<(string Imei, string Sim)> HealthySightings =
    [
        (NokiaImei, SampleSim),
        (XiaomiImei, SecondSim),
        (XiaomiSecondImei, SecondSim),
    ];

    public static readonly IReadOnlyList<DemoStaff> Staff =
    [
        new("agent", "کارشناس پشتیبانی", Identity.StaffRoles.Agent),
        new("admin", "مدیر سامانه", Identity.StaffRoles.Admin),
        new("auditor", "حسابرس", Identity.StaffRoles.Auditor),
        new("clerk", "کارشناس ثبت", Identity.StaffRoles.RegistryClerk),
    ];
}
