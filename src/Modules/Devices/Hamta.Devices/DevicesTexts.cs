namespace Hamta.Devices;

internal static class DevicesTexts
{
    public static string CustomsCodeSms(string imei, string code) =>
        $"همتا\nثبت مسافری گوشی {imei} انجام شد.\nکد فعال‌سازی: {code}\nبا این کد در بخش «فعال سازی تلفن همراه» گوشی را به نام خود کنید.";

    public static string DevicesMovedSms(string maskedExpiredSim, IEnumerable<string> devices) =>
        $"همتا\nسیم‌کارت {maskedExpiredSim} منقضی شد و این دستگاه‌ها به این سیم‌کارت منتقل شدند:\n{string.Join("\n", devices)}";

    public static string LossReportedSms(string brandAndModel, string caseNumber) =>
        $"همتا\nگزارش مفقودی یا سرقت {brandAndModel} ثبت شد و شناسه‌های آن در شبکه مسدود می‌شوند.\nشماره پرونده: {caseNumber}\nاگر دستگاه پیدا شد، در «مدیریت دستگاه ها» آن را پیدا شده اعلام کنید.";
}
