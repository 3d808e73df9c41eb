using Hamta.Kernel.Identifiers;
using Hamta.Kernel.Text;

namespace Hamta.Devices;

internal static class DevicesTexts
{
    public static string CustomsCodeSms(string imei, string code) =>
        $"همتا\nثبت مسافری گوشی {Display.Identifier(imei)} انجام شد.\nکد فعال‌سازی: {Display.Identifier(code)}\nبا این کد در بخش «فعال سازی تلفن همراه» گوشی را به نام خود کنید.";

    public static string DevicesMovedSms(string maskedExpiredSim, IEnumerable<string> devices) =>
        $"همتا\nسیم‌کارت {Display.Identifier(maskedExpiredSim)} منقضی شد و این دستگاه‌ها به این سیم‌کارت منتقل شدند:\n{string.Join("\n", devices)}";

    public static string DeviceLine(string brand, string model, string imei) =>
        $"{Display.Isolate($"{brand} {model}")} ({Display.Identifier(imei)})";

    public static string LossReportedSms(string brandAndModel, string caseNumber) =>
        $"همتا\nگزارش مفقودی یا سرقت {Display.Isolate(brandAndModel)} ثبت شد و شناسه‌های آن در شبکه مسدود می‌شوند.\nشماره پرونده: {Display.Digits(caseNumber)}\nاگر دستگاه پیدا شد، در «مدیریت دستگاه ها» آن را پیدا شده اعلام کنید.";

    public static string ActivatedSms(string imei) =>
        $"همتا\nگوشی {Display.Identifier(imei)} با سیم‌کارت شما فعال شد و تحت مالکیت قطعی آن است.";

    public static string TransferStartedToSellerSms(string imei, DateTimeOffset expiresAt) =>
        $"همتا\nانتقال مالکیت گوشی {Display.Identifier(imei)} آغاز شد. کد انتقال تا {Display.DateTime(expiresAt)} معتبر است.\nاگر این درخواست از شما نیست، آن را در «سوابق انتقال مالکیت» لغو کنید.";

    public static string TransferStartedToBuyerSms(string imei, string sellerSim, DateTimeOffset expiresAt) =>
        $"همتا\nانتقال مالکیت گوشی {Display.Identifier(imei)} از سیم‌کارت {Display.Identifier(MobileNumber.Mask(sellerSim))} به شما آغاز شد. کد انتقال را از فروشنده بگیرید و تا {Display.DateTime(expiresAt)} در «فعال سازی تلفن همراه» وارد کنید.";

    public static string TransferCompletedToSellerSms(string imei, string buyerSim) =>
        $"همتا\nمالکیت گوشی {Display.Identifier(imei)} به سیم‌کارت {Display.Identifier(MobileNumber.Mask(buyerSim))} منتقل شد.";

    public static string TransferCompletedToBuyerSms(string imei) =>
        $"همتا\nمالکیت گوشی {Display.Identifier(imei)} به سیم‌کارت شما منتقل شد و تحت مالکیت قطعی آن است.";

    public static string TransferCancelledToSellerSms(string imei) =>
        $"همتا\nانتقال مالکیت گوشی {Display.Identifier(imei)} لغو شد؛ کد انتقال آن دیگر کار نمی‌کند.";

    public static string TransferCancelledToBuyerSms(string imei) =>
        $"همتا\nفروشنده انتقال مالکیت گوشی {Display.Identifier(imei)} را لغو کرد؛ کد انتقال آن دیگر کار نمی‌کند.";
}
