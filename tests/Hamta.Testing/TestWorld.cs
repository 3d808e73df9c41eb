using Hamta.Host.DemoData;

namespace Hamta.Testing;

/// <summary>
/// The demo world as the tests name it (imported with <c>using static</c> in every test project): the subscribers, SIMs,
/// devices and codes the start-up seed creates (<see cref="DemoWorld"/>), and the IMEIs and SIMs the seed leaves free.
/// </summary>
public static class TestWorld
{
    /// <summary>«کاربر نمونه»: two SIMs, the Samsung and the Nokia on the first.</summary>
    public const string SampleNationalId = DemoWorld.SampleNationalId;
    public const string SampleMobile = DemoWorld.SampleSim;
    public const string OtherSimOfSample = DemoWorld.SampleOtherSim;

    /// <summary>«کاربر دوم»: one SIM, the Xiaomi and the stolen iPhone.</summary>
    public const string SecondUserNationalId = DemoWorld.SecondNationalId;
    public const string SecondUserSim = DemoWorld.SecondSim;

    /// <summary>Samsung Galaxy A54 of «کاربر نمونه»: the importer typed its second IMEI wrongly (…817, really …825).</summary>
    public const string Samsung = DemoWorld.SamsungImei;
    public const string SamsungSecondImei = DemoWorld.SamsungWrongSecondImei;
    public const string SamsungRealSecondImei = DemoWorld.SamsungRealSecondImei;
    public const string SamsungBoxCode = DemoWorld.SamsungCode;

    /// <summary>Nokia 105 of «کاربر نمونه», owned by its first SIM.</summary>
    public const string Nokia = DemoWorld.NokiaImei;

    /// <summary>Xiaomi Redmi Note 13 of «کاربر دوم».</summary>
    public const string Xiaomi = DemoWorld.XiaomiImei;
    public const string XiaomiSecondImei = DemoWorld.XiaomiSecondImei;
    public const string XiaomiBoxCode = DemoWorld.XiaomiCode;

    /// <summary>A boxed Nokia 105 that nobody owns yet.</summary>
    public const string BoxedNokia = DemoWorld.BoxedNokiaImei;
    public const string BoxCode = DemoWorld.BoxedNokiaCode;

    /// <summary>The iPhone 13 of «کاربر دوم», reported stolen.</summary>
    public const string StolenIPhone = DemoWorld.StolenIPhoneImei;

    /// <summary>Luhn-correct and unregistered; the first has the Samsung's TAC (35693803): it is the Samsung's real second IMEI.</summary>
    public const string UnregisteredSamsungTac = DemoWorld.SamsungRealSecondImei;
    public const string Unregistered = "356938035643833";
    public const string UnregisteredOtherTac = "490154203237518";

    /// <summary>A well-formed mobile number no SIM of the demo world has.</summary>
    public const string UnknownSim = "09199999999";
}
