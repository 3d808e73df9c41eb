namespace Hamta.Devices;

internal static class DevicesTexts
{
    public static string CustomsCodeSms(string imei, string code) =>
        $"همتا\nثبت مسافری گوشی {imei} انجام شد.\nکد فعال‌سازی: {code}\nبا این کد در بخش «فعال سازی تلفن همراه» گوشی را به نام خود کنید.";
}
